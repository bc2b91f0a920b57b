package dev.wholesale.provisioning.worker.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

/**
 * A relay that committed its Kafka transaction and died before it moved the watermark: the next
 * relay reads what Kafka holds and publishes none of it again.
 */
class UnrecordedPublicationIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-unrecorded";

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PendingRecords pending;

    @Test
    void theNextRelayPublishesNothingTwice() {
        for (int i = 0; i < 3; i++) {
            sendTemplate(PARTNER, "unrecorded-" + i, "Template " + i);
        }
        for (int i = 0; i < 3; i++) {
            client.awaitResult("unrecorded-" + i);
        }

        relay.stop();
        // As if none of the three had been recorded as published.
        jdbc.update("update outbox_published set up_to_seq = 0");
        relay.start();

        sendTemplate(PARTNER, "unrecorded-after", "Template after");
        client.awaitResult("unrecorded-after");
        client.drain(Duration.ofSeconds(3));
        for (String id : new String[] {"unrecorded-0", "unrecorded-1", "unrecorded-2", "unrecorded-after"}) {
            assertThat(client.resultsFor(id)).as("results of %s", id).hasSize(1);
        }
        assertThat(pending.publishedUpTo()).isEqualTo(4);
    }
}
