package dev.wholesale.provisioning.bench.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real worker jar as an operating-system process: started with environment variables, as an
 * operator would, its output sent to a log file, and stopped (SIGTERM) or killed (SIGKILL).
 */
public final class WorkerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private WorkerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static Path defaultJar() {
        Path fromRoot = Path.of("worker/target/provisioning-worker.jar");
        Path fromModule = Path.of("../worker/target/provisioning-worker.jar");
        Path jar = Files.exists(fromRoot) ? fromRoot : fromModule;
        if (!Files.exists(jar)) {
            throw new IllegalStateException("worker/target/provisioning-worker.jar is missing: build it first"
                    + " (mvn -B -DskipTests package)");
        }
        return jar.toAbsolutePath();
    }

    /** The class-data-sharing archive beside the extracted jar, as the image has it. */
    private static final String CDS_ARCHIVE = "provisioning-worker.jsa";
    private static final String EXTRACTED_JAR = "provisioning-worker.jar";

    /**
     * The jar as the container image runs it (infra/docker/Dockerfile): extracted to a plain jar
     * with its libraries beside it, and a class-data-sharing archive written by a training run that
     * stops once the application context is built, so it needs neither Kafka nor PostgreSQL.
     *
     * @param jvmOptions the options the worker will run with: the archive is only used by a JVM
     *                   started like the one that wrote it
     */
    public static Path extractedAsInTheImage(Path jar, Path directory, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path extracted = directory.toAbsolutePath();
        run(new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", extracted.toString()), "extracting " + jar);
        List<String> training = new ArrayList<>(List.of(java()));
        training.addAll(jvmOptions);
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + extracted.resolve(CDS_ARCHIVE),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", // it lists every class it cannot archive
                "-Dspring.context.exit=onRefresh", "-Dspring.flyway.enabled=false",
                "-jar", extracted.resolve(EXTRACTED_JAR).toString()));
        ProcessBuilder trainingRun = new ProcessBuilder(training);
        trainingRun.environment().keySet().removeIf(name -> name.startsWith("SPRING_"));
        run(trainingRun, "the class-data-sharing training run");
        return extracted;
    }

    /** The java launcher of the JVM running this tool: the worker runs on the same JDK. */
    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(ProcessBuilder builder, String what) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(what + " failed with exit code " + process.exitValue());
        }
    }

    /**
     * @param application the worker jar, or a directory it was extracted to ({@link #extractedAsInTheImage})
     * @param environment the worker's settings, as environment variables (SPRING_KAFKA_BOOTSTRAP_SERVERS, ...)
     * @param jvmOptions  e.g. -Xmx512m
     */
    public static WorkerProcess start(Path application, int port, Map<String, String> environment, List<String> jvmOptions,
                                      Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        if (Files.isDirectory(application)) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + application.resolve(CDS_ARCHIVE), "-jar",
                    application.resolve(EXTRACTED_JAR).toString()));
        } else {
            command.add("-jar");
            command.add(application.toString());
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        builder.environment().putAll(env);
        return new WorkerProcess(builder.start(), port, log);
    }

    /** Waits until the worker reports itself ready (Postgres and Kafka reachable, schema migrated). */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the worker exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(readiness, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the worker was not ready within " + timeout + "; see " + log);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or the OOM killer would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the process stops dead, its sockets stay open, as in a long GC pause or a hung host. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}: the process runs on, unaware that time passed. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** SIGTERM and wait for a graceful shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
