package dev.wholesale.provisioning.worker.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import dev.wholesale.provisioning.worker.WorkerIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The results topic holds a seq this database never wrote (it was restored to an earlier point, or
 * failed over to a replica that lacked the last commits): moving the watermark up to Kafka's would
 * skip results. The relay stops publishing and says why, the backlog shows, and once an operator
 * has numbered the unpublished rows above Kafka's, every result goes out once.
 */
// Checked again every second rather than every 30 s, so that the operator's fix is seen soon.
@TestPropertySource(properties = "provisioning.relay.diverged-recheck=PT1S")
class KafkaAheadOfDatabaseIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-diverged";
    private static final long SEQ_IN_KAFKA_ONLY = 1_000;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void theRelayPublishesNothingUntilTheOutboxIsNumberedAboveKafka() throws InterruptedException {
        sendTemplate(PARTNER, "diverged-before", "Before");
        client.awaitResult("diverged-before");

        relay.stop();
        publishResultThisDatabaseNeverWrote();
        relay.start();

        sendTemplate(PARTNER, "diverged-during", "During");
        client.drain(Duration.ofSeconds(5));
        assertThat(client.resultsFor("diverged-during")).isEmpty();
        assertThat(meters.get("provisioning.outbox.pending").gauge().value()).isEqualTo(1);

        // The operator's fix (README, Operations): the rows Kafka does not hold, numbered after what it
        // does hold, while no batch can take a number.
        jdbc.execute("""
                begin;
                select last_seq from outbox_sequence for update;
                update outbox set seq = -seq where seq > (select up_to_seq from outbox_published);
                update outbox set seq = -seq + %1$d - (select up_to_seq from outbox_published) where seq < 0;
                update outbox_sequence set last_seq = last_seq + %1$d - (select up_to_seq from outbox_published);
                update outbox_published set up_to_seq = %1$d;
                commit;
                """.formatted(SEQ_IN_KAFKA_ONLY));

        client.awaitRecords(records -> !client.resultsFor("diverged-during").isEmpty(), Duration.ofSeconds(60));
        sendTemplate(PARTNER, "diverged-after", "After");
        client.awaitResult("diverged-after");
        client.drain(Duration.ofSeconds(2));
        assertThat(client.resultsFor("diverged-during")).hasSize(1);
        assertThat(client.resultsFor("diverged-after")).hasSize(1);
        assertThat(client.resultsFor("diverged-before")).hasSize(1);
    }

    /** What a database that lost its last commits would find on the topic: a result of seq 1000. */
    private void publishResultThisDatabaseNeverWrote() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lost-timeline-" + PARTNER);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(results(),
                    (PARTNER + "/lost").getBytes(StandardCharsets.UTF_8),
                    "{\"data\":{\"requestId\":\"lost\"}}".getBytes(StandardCharsets.UTF_8));
            record.headers().add(PublishedWatermark.SEQ_HEADER,
                    ByteBuffer.allocate(Long.BYTES).putLong(SEQ_IN_KAFKA_ONLY).array());
            producer.send(record);
            producer.commitTransaction();
        }
    }
}
