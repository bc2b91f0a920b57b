package dev.wholesale.provisioning.testkit;

/**
 * A running PostgreSQL server, whichever {@link Variant} provides it. The connection details point at an
 * admin database whose role may {@code CREATE DATABASE}; tests should not put tables there but ask for
 * their own database with {@link #createDatabase(String)}.
 */
public interface PostgresServer extends AutoCloseable {

    Variant variant();

    /** JDBC URL of the admin database, e.g. {@code jdbc:postgresql://127.0.0.1:54321/postgres}. */
    String jdbcUrl();

    String username();

    String password();

    /** One line for the startup banner, e.g. "embedded PostgreSQL 17.6 at jdbc:postgresql://...". */
    String description();

    /** The admin database as a {@link DataSourceSpec}. */
    default DataSourceSpec admin() {
        return new DataSourceSpec(jdbcUrl(), username(), password());
    }

    /**
     * Creates a new, empty database named {@code prefix_<random>} on this server and returns how to reach
     * it. One per test class keeps schemas (and Flyway histories) apart while the server is shared.
     */
    default DataSourceSpec createDatabase(String prefix) {
        return Databases.create(admin(), Names.uniqueDatabase(prefix));
    }

    /** Stops the server if this JVM started it; for an external server only cleans up after itself. */
    @Override
    void close();
}
