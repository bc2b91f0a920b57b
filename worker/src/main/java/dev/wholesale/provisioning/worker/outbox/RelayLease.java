package dev.wholesale.provisioning.worker.outbox;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One relay at a time per deployment: the holder of the {@code relay_lease} row, which expires
 * unless renewed. A holder that freezes (SIGSTOP, a GC pause, cut off from PostgreSQL) loses it
 * after {@code ttl} and another instance takes over; when it wakes, its own clock tells it the lease
 * may be gone before it asks, and Kafka fences its producer should it still try to commit (every
 * relay shares one transactional id, and the new one has initialised it since). Correctness rests
 * on that fencing; the lease keeps instances from fencing each other all day and bounds how long a
 * frozen leader holds up results.
 */
final class RelayLease {

    private static final Logger log = LoggerFactory.getLogger(RelayLease.class);

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final String holder;
    private long epoch = -1;
    /** System.nanoTime() by which the lease has certainly expired: ttl after the renewal was asked for. */
    private long expiresBy;
    private long renewedAt;

    RelayLease(JdbcTemplate jdbc, Duration ttl) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    String holder() {
        return holder;
    }

    /**
     * Takes the lease if it is expired, or is this instance's own (a relay starting over after a
     * failure need not wait for its own lease to run out); true if this instance holds it now.
     */
    boolean tryAcquire() {
        long askedAt = System.nanoTime();
        try {
            List<Long> epochs = jdbc.queryForList("""
                    update relay_lease set holder = ?, epoch = epoch + 1, expires_at = now() + ?::interval
                     where expires_at < now() or holder = ?
                    returning epoch
                    """, Long.class, holder, interval(), holder);
            if (epochs.isEmpty()) {
                return false;
            }
            epoch = epochs.get(0);
            held(askedAt);
            log.info("This instance ({}) now holds the relay lease (epoch {})", holder, epoch);
            return true;
        } catch (DataAccessException e) {
            log.warn("Could not try the relay lease: {}", e.getMessage());
            return false;
        }
    }

    /** Renews the lease if a third of its time has passed; false if it is no longer ours. */
    boolean keep() {
        if (epoch < 0 || !isValid()) {
            return false;
        }
        long askedAt = System.nanoTime();
        if (askedAt - renewedAt < ttl.toNanos() / 3) {
            return true;
        }
        try {
            int renewed = jdbc.update("""
                    update relay_lease set expires_at = now() + ?::interval
                     where holder = ? and epoch = ? and expires_at > now()
                    """, interval(), holder, epoch);
            if (renewed == 1) {
                held(askedAt);
                return true;
            }
            log.warn("Lost the relay lease (epoch {}): it expired and may have been taken over", epoch);
        } catch (DataAccessException e) {
            log.warn("Could not renew the relay lease: {}", e.getMessage());
            return isValid();
        }
        epoch = -1;
        return false;
    }

    /**
     * Whether the lease is certainly still ours by this instance's own clock, with a margin for the
     * commit that follows. A frozen instance that wakes finds this false before it asks anyone.
     */
    boolean isValid() {
        return epoch >= 0 && System.nanoTime() < expiresBy - ttl.toNanos() / 5;
    }

    /** Gives the lease up, so that another instance need not wait for it to expire. */
    void release() {
        if (epoch < 0) {
            return;
        }
        try {
            jdbc.update("update relay_lease set expires_at = now() where holder = ? and epoch = ?", holder, epoch);
        } catch (DataAccessException e) {
            log.debug("Could not release the relay lease; it expires by itself", e);
        }
        epoch = -1;
    }

    private void held(long askedAt) {
        renewedAt = askedAt;
        expiresBy = askedAt + ttl.toNanos();
    }

    private String interval() {
        return ttl.toMillis() + " milliseconds";
    }
}
