package dev.wholesale.provisioning.worker.intake;

import java.util.List;

/** A consumed record exactly as it was received: enough to dead-letter it unchanged. */
public record RecordOrigin(String topic, int partition, long offset, String key, List<Header> headers, byte[] value) {

    public record Header(String key, byte[] value) {
    }

    public int size() {
        return value == null ? 0 : value.length;
    }

    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
