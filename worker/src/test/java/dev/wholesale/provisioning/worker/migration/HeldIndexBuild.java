package dev.wholesale.provisioning.worker.migration;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.wholesale.provisioning.testkit.DataSourceSpec;

/**
 * A {@code create index concurrently} caught halfway, as a busy table catches it: its index is in
 * the catalog, INVALID, and the build waits for a writer's transaction that began before it (a
 * batch of the worker) to end. From there it can be killed, or let finish.
 */
final class HeldIndexBuild implements AutoCloseable {

    private final Connection writer;
    private final Connection builder;
    private final int builderPid;
    private final CompletableFuture<Void> build;
    private final JdbcTemplate observer;

    private HeldIndexBuild(Connection writer, Connection builder, int builderPid, CompletableFuture<Void> build,
                           JdbcTemplate observer) {
        this.writer = writer;
        this.builder = builder;
        this.builderPid = builderPid;
        this.build = build;
        this.observer = observer;
    }

    static HeldIndexBuild start(DataSourceSpec database, String table, String createIndexConcurrently)
            throws SQLException {
        Connection writer = connect(database);
        writer.setAutoCommit(false);
        execute(writer, "lock table " + table + " in row exclusive mode");
        Connection builder = connect(database);
        int builderPid = pid(builder);
        CompletableFuture<Void> build = CompletableFuture.runAsync(() -> {
            try {
                execute(builder, createIndexConcurrently);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        HeldIndexBuild held = new HeldIndexBuild(writer, builder, builderPid, build, jdbc(database));
        await().atMost(Duration.ofSeconds(20)).until(() -> held.isWaitingForALock(builderPid));
        return held;
    }

    /**
     * Ends the build as a kill of its session, or a restart of PostgreSQL, ends it: its half-built
     * index stays. (A worker killed with SIGKILL is not enough: its session goes on to the end of
     * the statement before it notices.)
     */
    void kill() {
        observer.queryForObject("select pg_terminate_backend(?)", Boolean.class, builderPid);
        await().atMost(Duration.ofSeconds(20)).until(build::isDone);
        endWriterTransaction();
    }

    /** The writer's transaction ends, so the build goes on to the end. */
    void finish() {
        endWriterTransaction();
        build.join();
    }

    /** Whether a session of this database other than the build's waits for a lock (the build holds one). */
    boolean anotherSessionWaitsForALock() {
        return observer.queryForObject("""
                select exists (select from pg_stat_activity
                                where datname = current_database() and pid not in (pg_backend_pid(), ?)
                                  and wait_event_type = 'Lock')
                """, Boolean.class, builderPid);
    }

    private boolean isWaitingForALock(int pid) {
        return observer.queryForObject("select wait_event_type = 'Lock' from pg_stat_activity where pid = ?",
                Boolean.class, pid);
    }

    private void endWriterTransaction() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (writer; builder) {
            writer.rollback();
        }
    }

    private static JdbcTemplate jdbc(DataSourceSpec database) {
        return new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
    }

    private static Connection connect(DataSourceSpec database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
