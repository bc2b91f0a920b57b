package dev.wholesale.provisioning.contracts.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A consumed record exactly as it was received: enough to dead-letter it unchanged. The key stays
 * bytes: a key is read as text only once it is known to be of a sane size.
 */
public record RecordOrigin(String topic, int partition, long offset, byte[] key, List<Header> headers, byte[] value) {

    public record Header(String key, byte[] value) {

        /** Name and value: what the header costs in the record. */
        public int size() {
            return key.getBytes(StandardCharsets.UTF_8).length + (value == null ? 0 : value.length);
        }
    }

    /** A record whose key is text, as most senders write it. */
    public static RecordOrigin of(String topic, int partition, long offset, String key, List<Header> headers, byte[] value) {
        return new RecordOrigin(topic, partition, offset, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                headers, value);
    }

    public int size() {
        return value == null ? 0 : value.length;
    }

    public int keySize() {
        return key == null ? 0 : key.length;
    }

    /** The key as UTF-8 text (malformed bytes become U+FFFD), or null. */
    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** Names and values of all headers together. */
    public long headerBytes() {
        long total = 0;
        for (Header header : headers) {
            total += header.size();
        }
        return total;
    }

    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
