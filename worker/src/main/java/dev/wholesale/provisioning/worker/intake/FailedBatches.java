package dev.wholesale.provisioning.worker.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Counts how often the same batch (recognised by the coordinates of its first record) has failed
 * in a row, on this consumer thread's listener. Only the failing batch is ever remembered.
 */
final class FailedBatches {

    private final Map<String, Integer> failures = new HashMap<>();

    synchronized int failedAgain(List<? extends ConsumerRecord<?, ?>> records) {
        return failures.merge(keyOf(records), 1, Integer::sum);
    }

    synchronized void forget(List<? extends ConsumerRecord<?, ?>> records) {
        failures.remove(keyOf(records));
    }

    private static String keyOf(List<? extends ConsumerRecord<?, ?>> records) {
        ConsumerRecord<?, ?> first = records.get(0);
        return first.topic() + "-" + first.partition() + "@" + first.offset() + "+" + records.size();
    }
}
