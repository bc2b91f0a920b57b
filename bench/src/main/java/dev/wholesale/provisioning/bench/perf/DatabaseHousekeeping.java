package dev.wholesale.provisioning.bench.perf;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What PostgreSQL was doing besides the worker's statements, second by second during a phase:
 * autovacuum workers (with the table each was on), the checkpointer writing, and the worker's
 * statements waiting for a lock. Slow requests bunched in a second that shows one of these point at
 * the database's housekeeping or at contention rather than at the worker's own pace.
 */
final class DatabaseHousekeeping implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 100;
    // The checkpointer waits on CheckpointerMain between checkpoints; any other state is a checkpoint at work.
    private static final String ACTIVITY = """
            select case
                     when backend_type = 'autovacuum worker' then coalesce(nullif(query, ''), 'autovacuum')
                     when backend_type = 'checkpointer' then 'checkpoint'
                     else 'lock wait: ' || wait_event
                   end
              from pg_stat_activity
             where (backend_type = 'autovacuum worker' and state is distinct from 'idle')
                or (backend_type = 'checkpointer' and wait_event is distinct from 'CheckpointerMain')
                or (backend_type = 'client backend' and wait_event_type = 'Lock')
            """;

    private final Map<Long, Set<String>> bySecond = new ConcurrentSkipListMap<>();
    private final Connection connection;
    private final Thread thread = new Thread(this::run, "database-housekeeping");
    private volatile boolean running = true;
    private volatile long start;

    DatabaseHousekeeping(String jdbcUrl, String username) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, username, "");
        thread.setDaemon(true);
    }

    /** Starts sampling; seconds count from now. */
    void start() {
        start = System.currentTimeMillis();
        thread.start();
    }

    /** Per second of the phase, what was seen at least once in it; seconds with nothing are left out. */
    Map<Long, Set<String>> bySecond() {
        return bySecond;
    }

    private void run() {
        try (Statement statement = connection.createStatement()) {
            while (running) {
                long second = (System.currentTimeMillis() - start) / 1000;
                try (ResultSet rows = statement.executeQuery(ACTIVITY)) {
                    while (rows.next()) {
                        bySecond.computeIfAbsent(second, s -> new TreeSet<>()).add(rows.getString(1));
                    }
                }
                Thread.sleep(SAMPLE_MILLIS);
            }
        } catch (SQLException e) {
            if (running) {
                System.out.println("[benchmark] sampling PostgreSQL's housekeeping stopped: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        running = false;
        thread.join(5_000);
        connection.close();
    }
}
