package dev.wholesale.provisioning.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Kafka and PostgreSQL for a person or a script: the demo launcher, the fault suite, the benchmark.
 *
 * <p>As a program ({@code mvn -pl testkit exec:java}, or {@code java -cp ... LocalServers [mode] [--env-file=PATH]})
 * it starts the servers, prints {@code KAFKA_BOOTSTRAP_SERVERS=...}, {@code JDBC_URL=...},
 * {@code JDBC_USERNAME=...}, {@code JDBC_PASSWORD=...} and a {@code LOCAL_SERVERS_READY} line, and runs
 * until killed (SIGINT/SIGTERM stop the servers cleanly). With {@code --env-file} the same lines go to a
 * file that appears only once everything is up, so a launcher can wait for it and {@code source} it.
 *
 * <p>In code, {@link #start()} returns a handle to close. Unlike {@link Infrastructure#shared()} the mode
 * defaults to embedded, not auto: a demo should not start Docker containers by surprise. An explicit
 * {@code PROVISIONING_TEST_INFRA} (or the mode argument) still wins.
 */
public final class LocalServers implements AutoCloseable {

    private final Infrastructure infrastructure;
    private Path envFile;

    private LocalServers(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    /** Mode from {@code PROVISIONING_TEST_INFRA} if set, otherwise embedded. */
    public static LocalServers start() {
        Settings settings = Settings.fromEnvironment();
        if (settings.get(Settings.INFRA).isPresent()) {
            return new LocalServers(Infrastructure.start(settings));
        }
        return start(Mode.EMBEDDED, "LocalServers default", settings);
    }

    public static LocalServers start(Mode mode) {
        return start(mode, "LocalServers mode", Settings.fromEnvironment());
    }

    private static LocalServers start(Mode mode, String source, Settings settings) {
        return new LocalServers(Infrastructure.start(settings, mode, source));
    }

    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    /** Admin database of the server; create more with {@code postgres().createDatabase(..)}. */
    public String jdbcUrl() {
        return infrastructure.postgres().jdbcUrl();
    }

    public String username() {
        return infrastructure.postgres().username();
    }

    public String password() {
        return infrastructure.postgres().password();
    }

    public PostgresServer postgres() {
        return infrastructure.postgres();
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /** The {@code NAME=value} lines the program prints, in shell {@code source}-able form. */
    public List<String> environmentLines() {
        return List.of(
                "KAFKA_BOOTSTRAP_SERVERS=" + kafkaBootstrapServers(),
                "JDBC_URL=" + jdbcUrl(),
                "JDBC_USERNAME=" + username(),
                "JDBC_PASSWORD=" + password());
    }

    /** Writes {@link #environmentLines()} to {@code file} atomically (temp file + rename); removed again on close. */
    public void writeEnvironmentFile(Path file) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            Files.write(temp, environmentLines());
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            this.envFile = absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            if (envFile != null) {
                Files.deleteIfExists(envFile); // a stale file would send the next launcher to dead ports
            }
        } catch (IOException e) {
            System.err.println("[testkit] could not delete " + envFile + ": " + e.getMessage());
        } finally {
            infrastructure.close();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Mode mode = null;
        Path envFile = null;
        for (String arg : args) {
            if (arg.startsWith("--env-file=")) {
                envFile = Path.of(arg.substring("--env-file=".length()));
            } else if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println("usage: LocalServers [embedded|testcontainers|external|auto] [--env-file=PATH]");
                return;
            } else {
                mode = Mode.parse(arg);
            }
        }
        LocalServers servers = mode == null ? start() : start(mode);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                servers.close();
                System.out.println("[testkit] local servers stopped");
            } finally {
                stopped.countDown();
            }
        }, "local-servers-shutdown"));
        if (envFile != null) {
            servers.writeEnvironmentFile(envFile);
        }
        System.out.println(servers.infrastructure().summary());
        servers.environmentLines().forEach(System.out::println);
        System.out.println("LOCAL_SERVERS_READY");
        System.out.flush();
        stopped.await(); // until SIGINT/SIGTERM runs the hook
    }
}
