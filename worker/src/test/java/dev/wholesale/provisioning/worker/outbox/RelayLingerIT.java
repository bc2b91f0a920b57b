package dev.wholesale.provisioning.worker.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

/**
 * The relay's linger spaces its Kafka transactions only while it is caught up: results that
 * trickle in wait for the next transaction, a backlog (after an outage, a restart) goes out
 * transaction after transaction. A long linger and small batches make the difference plain.
 */
@TestPropertySource(properties = {"provisioning.relay.linger=PT4S", "provisioning.relay.batch-size=10"})
class RelayLingerIT extends WorkerIntegrationTest {

    private static final Duration LINGER = Duration.ofSeconds(4);

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aBacklogOfSeveralBatchesIsPublishedWithoutLingeringBetweenThem() {
        long start = System.nanoTime();
        write("backlog", 35);

        client.awaitRecords(records -> keyed("backlog", records) == 35, Duration.ofSeconds(30));

        // Four transactions (10, 10, 10, 5): spaced by the linger they would take three lingers,
        // 12 s; caught up at most once, before the first, they take one.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LINGER.multipliedBy(2));
    }

    @Test
    void aCaughtUpRelayWaitsForTheLingerBeforeItsNextTransaction() {
        write("first", 1);
        client.awaitRecords(records -> keyed("first", records) == 1, Duration.ofSeconds(30));

        long start = System.nanoTime();
        write("second", 1);
        client.awaitRecords(records -> keyed("second", records) == 1, Duration.ofSeconds(30));

        // The second result waits for the linger counted from the first one's transaction, which
        // began at most the time it took to see the first result before "start".
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(LINGER.dividedBy(2));
    }

    private void write(String key, int count) {
        List<OutboxRecord> records = IntStream.range(0, count)
                .mapToObj(n -> OutboxRecord.result(results(), key, key + "-" + n,
                        ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8), List.of()))
                .toList();
        transactions.executeWithoutResult(status -> outbox.write(records, Instant.now()));
    }

    private static long keyed(String key, List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(record -> key.equals(record.key())).count();
    }
}
