package dev.wholesale.provisioning.worker.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.wholesale.provisioning.worker.config.WorkerProperties;
import dev.wholesale.provisioning.worker.idempotency.RequestLog;
import dev.wholesale.provisioning.worker.support.OneInstanceAtATime;

/**
 * Keeps storage bounded: request ids and published results older than the idempotency window are
 * deleted in small slices (short transactions, no long locks). A result counts from when it was
 * written, as its request id counts from when the request completed. Finished waits leave no rows.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final int SLICE = 5_000;

    private final RequestLog requestLog;
    private final JdbcTemplate jdbc;
    private final WorkerProperties properties;
    private final Clock clock;

    public RetentionJob(RequestLog requestLog, JdbcTemplate jdbc, WorkerProperties properties, Clock clock) {
        this.requestLog = requestLog;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Arbitrary, but the same on every instance: one purge at a time in the deployment. */
    private static final long LOCK_ID = 0x7265_7465_6e74L;

    @Scheduled(fixedDelayString = "${provisioning.retention.check-interval:PT10M}", initialDelayString = "PT1M")
    public void purgeOnOneInstance() {
        new OneInstanceAtATime(jdbc).run(LOCK_ID, this::purge);
    }

    public void purge() {
        Instant cutoff = clock.instant().minus(properties.retention());
        long requests = 0;
        long results = 0;
        int deleted;
        do {
            deleted = requestLog.purgeCompletedBefore(cutoff, SLICE);
            requests += deleted;
        } while (deleted == SLICE);
        do {
            // Only published rows: a result written long ago that Kafka has not taken yet (a long
            // outage) is kept until it is out.
            deleted = jdbc.update("""
                    delete from outbox where seq = any (array(
                        select seq from outbox
                         where created_at < ? and seq <= (select up_to_seq from outbox_published) limit ?))
                    """, Timestamp.from(cutoff), SLICE);
            results += deleted;
        } while (deleted == SLICE);
        if (requests + results > 0) {
            log.info("Retention: forgot {} request ids and {} published records older than {}", requests, results, cutoff);
        }
    }
}
