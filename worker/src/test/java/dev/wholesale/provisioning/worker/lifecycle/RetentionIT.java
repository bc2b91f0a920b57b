package dev.wholesale.provisioning.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.MeterRegistry;

import dev.wholesale.provisioning.worker.WorkerIntegrationTest;
import dev.wholesale.provisioning.worker.outbox.OutboxRelay;
import dev.wholesale.provisioning.worker.retention.RetentionJob;

/**
 * Storage stays bounded: once the idempotency window has passed, request ids and published results
 * are deleted, while the business data stays.
 */
@TestPropertySource(properties = "provisioning.retention=PT2S")
class RetentionIT extends WorkerIntegrationTest {

    @Autowired
    RetentionJob retention;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MeterRegistry meters;

    @Test
    void requestIdsAndPublishedResultsAreForgottenAfterTheRetentionWindow() throws InterruptedException {
        sendTemplate("partner-retention", "retention-t1", "Old");
        client.awaitResult("retention-t1");
        awaitNothingPending();
        assertThat(count("request_log where request_id = 'retention-t1'")).isEqualTo(1);
        assertThat(count("outbox")).isEqualTo(1);

        Thread.sleep(Duration.ofSeconds(3).toMillis());
        retention.purge();

        assertThat(count("request_log")).isZero();
        assertThat(count("outbox")).isZero();
        assertThat(count("template where name = 'Old'")).isEqualTo(1);
    }

    /** A result Kafka has not taken yet (an outage longer than the window) is not forgotten. */
    @Test
    void aResultNotYetPublishedOutlivesTheWindowUntilItIsOut() throws InterruptedException {
        relay.stop();
        try {
            sendTemplate("partner-retention", "retention-t2", "Late");
            awaitApplied("retention-t2");
            assertThat(gauge("provisioning.outbox.pending")).isEqualTo(1);

            Thread.sleep(Duration.ofSeconds(3).toMillis());
            retention.purge();
            assertThat(count("outbox where event_id is not null")).isEqualTo(1);
        } finally {
            relay.start();
        }
        client.awaitResult("retention-t2");
        client.drain(Duration.ofSeconds(2));
        assertThat(client.resultsFor("retention-t2")).hasSize(1);
        awaitNothingPending();

        retention.purge();
        assertThat(count("outbox")).isZero();
    }

    /** Applied, result in the outbox: both are written in one transaction. */
    private void awaitApplied(String requestId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count("request_log where request_id = '" + requestId + "'") == 0) {
            assertThat(System.nanoTime()).as("the request was applied").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private void awaitNothingPending() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (gauge("provisioning.outbox.pending") > 0) {
            assertThat(System.nanoTime()).as("the watermark moved past the published result").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private long count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Long.class);
    }
}
