package dev.wholesale.provisioning.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/**
 * Real PostgreSQL binaries (zonky's repackaging, from Maven Central) run as a child process. No Docker
 * needed; the server is gone with its temporary data directory when closed. As root, zonky runs the
 * binaries through {@code unshare -U}, since PostgreSQL refuses to start as root.
 */
final class EmbeddedPostgresServer implements PostgresServer {

    private static final String SUPERUSER = "postgres"; // zonky's initdb superuser; auth is "trust"

    private final EmbeddedPostgres postgres;
    private final String jdbcUrl;
    private final String version;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        // 127.0.0.1 rather than "localhost": no IPv6 surprises; the server listens on both.
        this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        this.version = Databases.serverVersion(admin());
    }

    static EmbeddedPostgresServer start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // Several Spring test contexts (each with a Hikari pool) stay cached side by side.
                    .setServerConfig("max_connections", "300")
                    // Durability is worthless for throwaway test data; speed is not.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    // The default 10 s is too short on a loaded 2-core machine (seen in CI-like runs).
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    // Infrastructure's own shutdown hook stops it, in order with Kafka.
                    .setRegisterShutdownHook(false)
                    .start();
            try {
                return new EmbeddedPostgresServer(postgres);
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL failed to start: " + e.getMessage(), e);
        }
    }

    @Override
    public Variant variant() {
        return Variant.EMBEDDED;
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String username() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return ""; // trust authentication: any password is accepted, none is needed
    }

    @Override
    public String description() {
        return "embedded PostgreSQL " + version + " at " + jdbcUrl;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL failed to stop", e);
        }
    }
}
