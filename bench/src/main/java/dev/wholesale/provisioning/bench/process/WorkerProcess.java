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

    /**
     * The jar unpacked as the container image runs it (infra/docker/Dockerfile): Spring Boot's
     * launcher on the exploded jar, which loads classes from plain files instead of nested jars.
     */
    public static Path extractedAsInTheImage(Path jar, Path directory) throws IOException, InterruptedException {
        Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--launcher",
                "--destination", directory.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (extract.waitFor() != 0) {
            throw new IllegalStateException("extracting " + jar + " failed with exit code " + extract.exitValue());
        }
        return directory.toAbsolutePath();
    }

    /**
     * @param application the worker jar, or a directory it was extracted to ({@link #extractedAsInTheImage})
     * @param environment the worker's settings, as environment variables (SPRING_KAFKA_BOOTSTRAP_SERVERS, ...)
     * @param jvmOptions  e.g. -Xmx512m
     */
    public static WorkerProcess start(Path application, int port, Map<String, String> environment, List<String> jvmOptions,
                                      Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (Files.isDirectory(application)) {
            command.addAll(List.of("-cp", application.toString(), "org.springframework.boot.loader.launch.JarLauncher"));
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
