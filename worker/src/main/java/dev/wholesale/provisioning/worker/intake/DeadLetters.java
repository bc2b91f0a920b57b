package dev.wholesale.provisioning.worker.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.wholesale.provisioning.contracts.catalogue.Topics;
import dev.wholesale.provisioning.contracts.deadletter.DeadLetterHeaders;
import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;
import dev.wholesale.provisioning.contracts.idempotency.ContentHash;
import dev.wholesale.provisioning.contracts.intake.DecodedRecord;
import dev.wholesale.provisioning.contracts.intake.IntakeLimits;
import dev.wholesale.provisioning.contracts.intake.RecordOrigin;
import dev.wholesale.provisioning.worker.observability.PersonalDataMask;
import dev.wholesale.provisioning.worker.outbox.OutboxRecord;
import dev.wholesale.provisioning.worker.outbox.PublishableSize;

/**
 * Builds the dead letter for a record set aside: the record as received, plus why. A record may
 * reach us larger than our producer and the DLT accept (it travelled compressed, or its key and
 * headers are over the intake limits); copied whole it could never be published and would hold up
 * every result behind it. So the dead letter keeps the key up to the key limit, the first headers
 * within the header limits, and as much of the value as then fits the DLT, and says what it left
 * out; the sender still has the whole record.
 */
public final class DeadLetters {

    /** The worker's own headers, however long the detail: well below any sane topic limit. */
    private static final int MAX_DETAIL_CHARACTERS = 500;
    /** Room for the headers that say what was cut, and the varints that grow with the cut. */
    private static final int CUT_MARGIN_BYTES = 128;

    private final IntakeLimits limits;
    private final PublishableSize publishable;

    public DeadLetters(IntakeLimits limits, PublishableSize publishable) {
        this.limits = limits;
        this.publishable = publishable;
    }

    public OutboxRecord of(DecodedRecord.Unreadable unreadable) {
        return of(unreadable.origin(), unreadable.reason(), unreadable.detail());
    }

    public OutboxRecord of(RecordOrigin origin, DeadLetterReason reason, String detail) {
        String topic = Topics.dltOf(origin.topic());
        // The sender's headers first and ours last: a reader takes the last header of a name, so a
        // sender cannot pass its own dlt-reason off as ours.
        List<OutboxRecord.Header> headers = new ArrayList<>();
        copyHeadersWithinLimits(origin.headers(), headers);
        headers.add(header(DeadLetterHeaders.REASON, reason.name()));
        // Masked before it is cut, so that a cut never leaves half an address unmasked.
        headers.add(header(DeadLetterHeaders.DETAIL, cut(PersonalDataMask.mask(detail), MAX_DETAIL_CHARACTERS)));
        headers.add(header(DeadLetterHeaders.ORIGINAL_TOPIC, origin.topic()));
        headers.add(header(DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(origin.partition())));
        headers.add(header(DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(origin.offset())));
        String key = origin.keyText();
        if (origin.keySize() > limits.maxKeyBytes()) {
            key = utf8Prefix(origin.key(), limits.maxKeyBytes());
            headers.add(header(DeadLetterHeaders.ORIGINAL_KEY_SIZE, Integer.toString(origin.keySize())));
        }
        byte[] value = origin.value();
        int room = publishable.limitFor(topic) - PublishableSize.sizeOf(key, new byte[0], headers) - CUT_MARGIN_BYTES;
        if (value != null && value.length > room) {
            headers.add(header(DeadLetterHeaders.TRUNCATED, "true"));
            headers.add(header(DeadLetterHeaders.ORIGINAL_SIZE, Integer.toString(value.length)));
            value = Arrays.copyOf(value, Math.max(0, room));
        }
        return OutboxRecord.deadLetter(topic, key, value, headers,
                new OutboxRecord.DeadLetterSource(origin.topic(), origin.partition(), origin.offset(),
                        ContentHash.ofBytes(origin.value())));
    }

    /**
     * A dead letter that Kafka refused for good (its topic's limit was lowered after it was written,
     * say): only the worker's own headers, and no value.
     */
    public Optional<OutboxRecord> smallerForm(OutboxRecord refused) {
        List<OutboxRecord.Header> ours = refused.headers().stream()
                .filter(header -> DeadLetterHeaders.ALL.contains(header.key())
                        && !header.key().equals(DeadLetterHeaders.TRUNCATED) && !header.key().equals(DeadLetterHeaders.ORIGINAL_SIZE)
                        && !header.key().equals(DeadLetterHeaders.HEADERS_LEFT_OUT))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        long theirs = refused.headers().stream().filter(header -> !DeadLetterHeaders.ALL.contains(header.key())).count();
        if (theirs > 0) {
            ours.add(header(DeadLetterHeaders.HEADERS_LEFT_OUT, Long.toString(theirs)));
        }
        if (refused.payload() != null && refused.payload().length > 0) {
            ours.add(header(DeadLetterHeaders.TRUNCATED, "true"));
            ours.add(header(DeadLetterHeaders.ORIGINAL_SIZE, originalSize(refused)));
        }
        return Optional.of(OutboxRecord.deadLetter(refused.topic(), refused.key(), new byte[0], ours,
                refused.deadLetterSource()));
    }

    /** The value's size before any cut: said by the record if it was cut already, else its payload's. */
    private static String originalSize(OutboxRecord deadLetter) {
        for (OutboxRecord.Header header : deadLetter.headers()) {
            if (header.key().equals(DeadLetterHeaders.ORIGINAL_SIZE) && header.value() != null) {
                return new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return Integer.toString(deadLetter.payload().length);
    }

    /** The sender's headers in their order, as many as the intake limits allow. */
    private void copyHeadersWithinLimits(List<RecordOrigin.Header> original, List<OutboxRecord.Header> into) {
        int copied = 0;
        long bytes = 0;
        for (RecordOrigin.Header header : original) {
            int size = header.size();
            if (copied == limits.maxHeaders() || bytes + size > limits.maxHeaderBytes()) {
                break;
            }
            into.add(new OutboxRecord.Header(header.key(), header.value()));
            copied++;
            bytes += size;
        }
        if (copied < original.size()) {
            into.add(header(DeadLetterHeaders.HEADERS_LEFT_OUT, Integer.toString(original.size() - copied)));
        }
    }

    /** The text of at most {@code maxBytes} leading bytes, without a character cut in half. */
    private static String utf8Prefix(byte[] bytes, int maxBytes) {
        int end = maxBytes;
        // Back off continuation bytes (10xxxxxx), then the lead byte of the character they belong to.
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static OutboxRecord.Header header(String key, String value) {
        return new OutboxRecord.Header(key, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
}
