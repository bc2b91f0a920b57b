package dev.wholesale.provisioning.worker.outbox;

import java.util.List;

/**
 * A Kafka record to publish once the transaction that wrote it commits: a result event, or a
 * dead letter (which also says where it came from, so that it is written once per source record).
 */
public record OutboxRecord(String topic, String key, String eventId, byte[] payload, List<Header> headers,
                           DeadLetterSource deadLetterSource) {

    public record Header(String key, byte[] value) {
    }

    public record DeadLetterSource(String topic, int partition, long offset, byte[] valueHash) {
    }

    public static OutboxRecord result(String topic, String key, String eventId, byte[] payload, List<Header> headers) {
        return new OutboxRecord(topic, key, eventId, payload, headers, null);
    }

    public static OutboxRecord deadLetter(String topic, String key, byte[] payload, List<Header> headers,
                                          DeadLetterSource source) {
        return new OutboxRecord(topic, key, null, payload, headers, source);
    }
}
