package dev.wholesale.provisioning.testkit;

import java.util.Objects;

/**
 * How to connect to one PostgreSQL database: what a Spring {@code spring.datasource.*} block, a
 * {@code DriverManager} call or Flyway needs.
 *
 * @param jdbcUrl  e.g. {@code jdbc:postgresql://127.0.0.1:54321/orderit_k3x9q0ab}
 * @param username role to log in as
 * @param password its password (may be empty where the server trusts local connections)
 */
public record DataSourceSpec(String jdbcUrl, String username, String password) {

    public DataSourceSpec {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        password = password == null ? "" : password;
    }

    /** The database name in {@link #jdbcUrl()}. */
    public String databaseName() {
        return JdbcUrls.databaseName(jdbcUrl);
    }

    /** Same server and credentials, another database. */
    public DataSourceSpec withDatabase(String databaseName) {
        return new DataSourceSpec(JdbcUrls.withDatabase(jdbcUrl, databaseName), username, password);
    }

    /** Keeps the password out of test logs and assertion messages. */
    @Override
    public String toString() {
        return "DataSourceSpec[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***]";
    }
}
