package dev.wholesale.provisioning.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The few SQL statements the testkit runs itself, over plain JDBC (no pool: they run a handful of times). */
final class Databases {

    private Databases() {
    }

    static DataSourceSpec create(DataSourceSpec admin, String databaseName) {
        // CREATE DATABASE cannot take a bind parameter; the name comes from Names.uniqueDatabase and is
        // [a-z0-9_] only, and is quoted anyway.
        execute(admin, "CREATE DATABASE \"" + databaseName + "\"");
        return admin.withDatabase(databaseName);
    }

    /** Drops a database even if a forgotten pool still holds connections to it (PostgreSQL 13+). */
    static void drop(DataSourceSpec admin, String databaseName) {
        execute(admin, "DROP DATABASE IF EXISTS \"" + databaseName + "\" WITH (FORCE)");
    }

    /** e.g. "17.6"; also proves the credentials work before anyone else relies on them. */
    static String serverVersion(DataSourceSpec spec) {
        try (Connection connection = connect(spec);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            String version = rs.getString(1);
            int space = version.indexOf(' '); // Debian builds say "17.6 (Debian 17.6-1.pgdg120+1)"
            return space > 0 ? version.substring(0, space) : version;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + spec.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    static Connection connect(DataSourceSpec spec) throws SQLException {
        return DriverManager.getConnection(spec.jdbcUrl(), spec.username(), spec.password());
    }

    private static void execute(DataSourceSpec admin, String sql) {
        try (Connection connection = connect(admin); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on " + admin.jdbcUrl() + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
