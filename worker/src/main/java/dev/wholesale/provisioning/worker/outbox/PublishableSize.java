package dev.wholesale.provisioning.worker.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How large a record the relay can publish: each outbox row must fit the relay producer's
 * {@code max.request.size} and its topic's {@code max.message.bytes}, key and headers included,
 * measured as Kafka measures them. Checked when the row is written, so that a result or dead letter
 * too large for Kafka is shortened then, and never reaches the relay to be refused there, where it
 * would hold up every result behind it.
 *
 * <p>Topic limits are read from the broker (which needs DescribeConfigs on the topics); where they
 * cannot be read, the broker default is assumed, and the relay's isolation of a refused record is
 * the safety net (see {@link OutboxRelay}).
 */
public class PublishableSize {

    /** The broker's default {@code message.max.bytes}, which a topic without its own setting has. */
    public static final int BROKER_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;
    /** The relay adds the outbox-seq header to every record (key, 8-byte value, framing). */
    private static final int RELAY_HEADER_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(PublishableSize.class);

    private final int maxRequestSize;
    private volatile Map<String, Integer> maxMessageBytes = Map.of();

    public PublishableSize(int maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    /** The size Kafka gives a record alone in its batch: what the producer and the broker compare with their limits. */
    public static int sizeOf(String key, byte[] value, List<OutboxRecord.Header> headers) {
        Header[] kafkaHeaders = new Header[headers.size()];
        for (int i = 0; i < kafkaHeaders.length; i++) {
            kafkaHeaders[i] = new RecordHeader(headers.get(i).key(), headers.get(i).value());
        }
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, kafkaHeaders) + RELAY_HEADER_BYTES;
    }

    public static int sizeOf(OutboxRecord record) {
        return sizeOf(record.key(), record.payload(), record.headers());
    }

    /** The largest record the relay can publish to this topic. */
    public int limitFor(String topic) {
        return Math.min(maxRequestSize, maxMessageBytes.getOrDefault(topic, BROKER_DEFAULT_MAX_MESSAGE_BYTES));
    }

    public boolean fits(OutboxRecord record) {
        return sizeOf(record) <= limitFor(record.topic());
    }

    /** Takes a topic's {@code max.message.bytes} as given (as read from the broker, or for a test). */
    public PublishableSize withMaxMessageBytes(String topic, int bytes) {
        Map<String, Integer> known = new HashMap<>(maxMessageBytes);
        known.put(topic, bytes);
        maxMessageBytes = Map.copyOf(known);
        return this;
    }

    /**
     * Reads the topics' {@code max.message.bytes} from the broker. Keeps what it knew (or the
     * default) for a topic it cannot read, and says so.
     */
    public void refresh(Admin admin, Collection<String> topics) {
        Map<String, Integer> read = new HashMap<>(maxMessageBytes);
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        admin.describeConfigs(resources).values().forEach((resource, future) -> {
            try {
                ConfigEntry entry = future.get(10, TimeUnit.SECONDS).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (entry != null && entry.value() != null) {
                    read.put(resource.name(), Integer.parseInt(entry.value()));
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.warn("Could not read max.message.bytes of {} ({}); assuming {} bytes. Results and dead letters are"
                        + " sized for that; one the broker still refuses is isolated by the relay", resource.name(),
                        e.toString(), read.getOrDefault(resource.name(), BROKER_DEFAULT_MAX_MESSAGE_BYTES));
            }
        });
        maxMessageBytes = Map.copyOf(read);
    }
}
