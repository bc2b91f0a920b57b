package dev.wholesale.provisioning.bench.perf;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where PostgreSQL's write-ahead log stands, in bytes. The difference between two readings is what
 * the server wrote in between, whoever wrote it: unlike a rate, it hardly depends on how busy the
 * machine was, so two runs of different code compare even on a noisy machine.
 */
final class WalPosition {

    private WalPosition() {
    }

    static long read(String jdbcUrl, String username) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, "");
             Statement statement = connection.createStatement();
             ResultSet position = statement.executeQuery("select pg_current_wal_lsn() - '0/0'::pg_lsn")) {
            position.next();
            return position.getLong(1);
        }
    }
}
