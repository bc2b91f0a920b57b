package dev.wholesale.provisioning.worker;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import dev.wholesale.provisioning.testkit.DataSourceSpec;
import dev.wholesale.provisioning.testkit.Infrastructure;

/**
 * Makes one database unreachable for the worker, as an outage would: open connections are
 * killed and new ones refused, until it is allowed again. Other databases on the server carry on.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final String database;

    private DatabaseOutage(String database) {
        this.database = database;
    }

    /** @param jdbcUrl the worker's datasource URL */
    public static DatabaseOutage begin(String jdbcUrl) throws SQLException {
        DatabaseOutage outage = new DatabaseOutage(new DataSourceSpec(jdbcUrl, "x", "").databaseName());
        outage.allowConnections(false);
        return outage;
    }

    @Override
    public void close() throws SQLException {
        allowConnections(true);
    }

    private void allowConnections(boolean allowed) throws SQLException {
        DataSourceSpec admin = Infrastructure.shared().postgres().admin();
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
             Statement statement = connection.createStatement()) {
            statement.execute("alter database \"" + database + "\" allow_connections " + allowed);
            if (!allowed) {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            }
        }
    }
}
