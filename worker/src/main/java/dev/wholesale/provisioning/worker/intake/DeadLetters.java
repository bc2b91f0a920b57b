package dev.wholesale.provisioning.worker.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.wholesale.provisioning.contracts.catalogue.Topics;
import dev.wholesale.provisioning.contracts.deadletter.DeadLetterHeaders;
import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;
import dev.wholesale.provisioning.contracts.idempotency.ContentHash;
import dev.wholesale.provisioning.worker.outbox.OutboxRecord;

/** Builds the dead letter for an unreadable record: the record as received, plus why. */
public final class DeadLetters {

    /**
     * The most of a value a dead letter carries. A record may reach us larger than our producer
     * (and the DLT) accept, having travelled compressed; copied whole it could never be published
     * and would hold up every result behind it. Such a dead letter keeps the first part, says so,
     * and gives the original size; the sender still has the whole record.
     */
    static final int MAX_VALUE_BYTES = 768 * 1024;

    private DeadLetters() {
    }

    public static OutboxRecord of(DecodedRecord.Unreadable unreadable) {
        return of(unreadable.origin(), unreadable.reason(), unreadable.detail());
    }

    public static OutboxRecord of(RecordOrigin origin, DeadLetterReason reason, String detail) {
        List<OutboxRecord.Header> headers = new ArrayList<>();
        origin.headers().forEach(header -> headers.add(new OutboxRecord.Header(header.key(), header.value())));
        headers.add(header(DeadLetterHeaders.REASON, reason.name()));
        headers.add(header(DeadLetterHeaders.DETAIL, dev.wholesale.provisioning.worker.observability.PersonalDataMask.mask(detail)));
        headers.add(header(DeadLetterHeaders.ORIGINAL_TOPIC, origin.topic()));
        headers.add(header(DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(origin.partition())));
        headers.add(header(DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(origin.offset())));
        byte[] value = origin.value();
        if (value != null && value.length > MAX_VALUE_BYTES) {
            headers.add(header(DeadLetterHeaders.TRUNCATED, "true"));
            headers.add(header(DeadLetterHeaders.ORIGINAL_SIZE, Integer.toString(value.length)));
            value = java.util.Arrays.copyOf(value, MAX_VALUE_BYTES);
        }
        return OutboxRecord.deadLetter(Topics.dltOf(origin.topic()), origin.key(), value, headers,
                new OutboxRecord.DeadLetterSource(origin.topic(), origin.partition(), origin.offset(),
                        ContentHash.ofBytes(origin.value())));
    }

    private static OutboxRecord.Header header(String key, String value) {
        return new OutboxRecord.Header(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
