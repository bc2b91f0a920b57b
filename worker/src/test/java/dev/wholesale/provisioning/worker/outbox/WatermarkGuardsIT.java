package dev.wholesale.provisioning.worker.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

/**
 * The two guards of the published watermark: it never moves back (a relay that lost its lease may
 * report after its successor reported more), and a relay that finds Kafka holding less than was
 * recorded as published says so instead of sending those results again.
 */
@ExtendWith(OutputCaptureExtension.class)
class WatermarkGuardsIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-guards";

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PendingRecords pending;

    @Test
    void theWatermarkNeverMovesBack() {
        sendTemplate(PARTNER, "guard-0", "Guard 0");
        client.awaitResult("guard-0");
        long published = pending.publishedUpTo();

        pending.markPublishedUpTo(published - 1, Instant.now());

        assertThat(pending.publishedUpTo()).isEqualTo(published);
    }

    @Test
    void aRelayThatFindsKafkaHoldingLessThanRecordedSaysSoAndSendsNothingAgain(CapturedOutput output) {
        sendTemplate(PARTNER, "guard-1", "Guard 1");
        client.awaitResult("guard-1");

        relay.stop();
        // As if Kafka had lost the last five results the database recorded as published.
        jdbc.update("update outbox_sequence set last_seq = last_seq + 5");
        jdbc.update("update outbox_published set up_to_seq = (select last_seq from outbox_sequence)");
        long recorded = pending.publishedUpTo();
        relay.start();

        sendTemplate(PARTNER, "guard-after", "Guard after");
        client.awaitResult("guard-after");
        client.drain(Duration.ofSeconds(2));
        assertThat(output.getOut()).contains("below the " + recorded + " recorded as published");
        assertThat(client.resultsFor("guard-1")).hasSize(1);
    }
}
