package dev.wholesale.provisioning.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (embedded binaries, its own server process) on a fixed port and data
 * directory, so that it can be stopped for a while and started again with all its data, as an
 * outage or a failover would look to the worker.
 */
public final class PostgresProcess implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private final Map<String, String> serverConfig;
    private EmbeddedPostgres postgres;

    private PostgresProcess(Path dataDirectory, int port, Map<String, String> serverConfig) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.serverConfig = serverConfig;
    }

    public static PostgresProcess start(Path dataDirectory) throws IOException {
        return start(dataDirectory, Map.of());
    }

    /** With server settings besides this class's own, for example to try autovacuum's. */
    public static PostgresProcess start(Path dataDirectory, Map<String, String> serverConfig) throws IOException {
        Files.createDirectories(dataDirectory);
        PostgresProcess server = new PostgresProcess(dataDirectory, Ports.free(), Map.copyOf(serverConfig));
        server.start();
        return server;
    }

    public synchronized void start() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        serverConfig.forEach(builder::setServerConfig);
        postgres = builder
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .setRegisterShutdownHook(false)
                .start();
    }

    /** The postmaster's pid, from the first line of postmaster.pid in the data directory. */
    public long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    }

    public synchronized void stop() throws IOException {
        postgres.close();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    public String createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return jdbcUrl(name);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
