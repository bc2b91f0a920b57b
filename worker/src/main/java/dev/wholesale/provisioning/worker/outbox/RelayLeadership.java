package dev.wholesale.provisioning.worker.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One relay at a time per deployment: the holder of a Postgres session advisory lock. The lock
 * only keeps instances from fencing each other all day; correctness does not rest on it, because
 * every relay uses the same Kafka transactional id and a new holder fences the old one.
 */
final class RelayLeadership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RelayLeadership.class);

    private final DataSource dataSource;
    private final long lockId;
    private Connection connection;

    RelayLeadership(DataSource dataSource, long lockId) {
        this.dataSource = dataSource;
        this.lockId = lockId;
    }

    /** True if this instance holds (or just acquired) the lock. */
    boolean tryAcquire() {
        if (isHeld()) {
            return true;
        }
        close();
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, lockId);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        log.info("This instance is now the outbox relay");
                        return true;
                    }
                }
            }
        } catch (SQLException e) {
            log.warn("Could not try the relay lock: {}", e.getMessage());
        }
        close();
        return false;
    }

    /** The lock lives as long as the session: a working connection means it is still ours. */
    boolean isHeld() {
        try {
            return connection != null && connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            // The connection goes back to a pool, and the session with it: give the lock up first.
            try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock_all()")) {
                statement.execute();
            } catch (SQLException e) {
                log.debug("Could not release the relay lock; the pool will drop the broken connection", e);
            }
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the relay lock connection failed", e);
            }
            connection = null;
        }
    }
}
