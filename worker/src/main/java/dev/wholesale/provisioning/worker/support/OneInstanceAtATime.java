package dev.wholesale.provisioning.worker.support;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs housekeeping on one instance of the deployment at a time: the one that gets a PostgreSQL
 * session advisory lock, held on a connection of its own while the job runs and released after.
 * The others skip that round; each job is idempotent and runs again soon, so whichever instance
 * gets the lock next does the next round.
 */
public final class OneInstanceAtATime {

    private final JdbcTemplate jdbc;

    public OneInstanceAtATime(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code job} if no other instance runs the job of this lock now; true if it ran. */
    public boolean run(long lockId, Runnable job) {
        Boolean ran = jdbc.execute((java.sql.Connection connection) -> {
            if (!call(connection, "select pg_try_advisory_lock(?)", lockId)) {
                return false;
            }
            try {
                job.run();
                return true;
            } finally {
                call(connection, "select pg_advisory_unlock(?)", lockId);
            }
        });
        return Boolean.TRUE.equals(ran);
    }

    private static boolean call(java.sql.Connection connection, String sql, long lockId) throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, lockId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
