package dev.wholesale.provisioning.bench.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft broker in a process of its own, started from the Kafka jars already on
 * this JVM's class path, so that it can be killed and restarted on the same port with the same
 * data, as a broker restart in production would.
 */
public final class KafkaProcess implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final Path properties;
    private Process process;

    private KafkaProcess(Path directory, int port, Path properties) {
        this.directory = directory;
        this.port = port;
        this.properties = properties;
    }

    public static KafkaProcess format(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        int port = Ports.free();
        int controllerPort = Ports.free();
        Path properties = directory.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "") );
        Files.writeString(directory.resolve("logback.xml"),
                "<configuration><root level=\"WARN\"/></configuration>\n");
        Process formatting = java(directory, List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
                properties.toString()), directory.resolve("format.log"));
        if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed; see " + directory.resolve("format.log"));
        }
        return new KafkaProcess(directory, port, properties);
    }

    public KafkaProcess start() throws IOException, InterruptedException {
        process = java(directory, List.of("kafka.Kafka", properties.toString()), directory.resolve("kafka.log"));
        awaitPort(Duration.ofSeconds(60));
        return this;
    }

    public long pid() {
        return process.pid();
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** SIGKILL, then start again on the same port and data: the broker recovers its log. */
    public void restart(boolean graceful) throws IOException, InterruptedException {
        if (graceful) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        start();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private void awaitPort(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + directory.resolve("kafka.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Kafka did not listen on " + port + " within " + timeout);
    }

    private static Process java(Path directory, List<String> mainAndArguments, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dlogback.configurationFile=" + directory.resolve("logback.xml"),
                // Its pauses, by wall-clock time, to set beside a benchmark's slow seconds.
                "-Xlog:gc:file=" + directory.resolve("gc.log") + ":time",
                "-cp", ClassPath.current()));
        command.addAll(mainAndArguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /**
     * A random id in Kafka's form (URL-safe base64 of 16 bytes). Like Kafka's own ids it never
     * starts with '-', which the storage tool's argument parser would take for an option: one
     * run in 64 failed to format its log directory that way.
     */
    private static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
