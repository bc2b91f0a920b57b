package dev.wholesale.provisioning.worker.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Finds the highest outbox seq that Kafka holds in committed transactions, by reading the tail of
 * every partition the relay writes to (each record carries its seq in the {@code outbox-seq}
 * header). Run after {@code initTransactions()}, which has settled any transaction a crashed relay
 * left open, this is exactly what was published: the watermark in the table may lag behind it,
 * never the other way round.
 */
final class PublishedWatermark {

    static final String SEQ_HEADER = "outbox-seq";
    private static final int FIRST_WINDOW = 16;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<Consumer<byte[], byte[]>> readCommittedConsumers;

    PublishedWatermark(Supplier<Consumer<byte[], byte[]>> readCommittedConsumers) {
        this.readCommittedConsumers = readCommittedConsumers;
    }

    /** The published record with the highest seq, or {@link Published#NONE} when no topic holds any. */
    Published read(Collection<String> topics) {
        try (Consumer<byte[], byte[]> consumer = readCommittedConsumers.get()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            Published highest = Published.NONE;
            for (TopicPartition partition : partitions) {
                Published last = lastIn(consumer, partition, beginnings.get(partition), ends.get(partition));
                if (last.seq() > highest.seq()) {
                    highest = last;
                }
            }
            return highest;
        }
    }

    /**
     * The record with the highest seq. Its topic, key and value (the row's payload) tell the outbox
     * row it was published from apart from another row with the same seq, which a database that
     * lost commits may have written since.
     *
     * @param seq the record's outbox seq, -1 for none
     */
    record Published(long seq, String topic, String key, byte[] value) {
        static final Published NONE = new Published(-1, null, null, null);
    }

    /** Walks back from the end in growing windows until a window holds a record with a seq. */
    private static Published lastIn(Consumer<byte[], byte[]> consumer, TopicPartition partition, long beginning, long end) {
        consumer.assign(List.of(partition));
        long windowEnd = end;
        long window = FIRST_WINDOW;
        while (windowEnd > beginning) {
            long windowStart = Math.max(beginning, windowEnd - window);
            Published found = highestBetween(consumer, partition, windowStart, windowEnd);
            if (found.seq() >= 0) {
                return found;
            }
            windowEnd = windowStart;
            window *= 4;
        }
        return Published.NONE;
    }

    private static Published highestBetween(Consumer<byte[], byte[]> consumer, TopicPartition partition, long from, long to) {
        consumer.seek(partition, from);
        Published highest = Published.NONE;
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (consumer.position(partition) < to) {
            if (System.nanoTime() > deadline) {
                // The relay starts over; better than guessing a watermark.
                throw new IllegalStateException("could not read " + partition + " up to offset " + to + " within " + READ_TIMEOUT);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(partition)) {
                if (record.offset() >= to) {
                    break;
                }
                Header seq = record.headers().lastHeader(SEQ_HEADER);
                if (seq != null && seq.value() != null && seq.value().length == Long.BYTES) {
                    long value = ByteBuffer.wrap(seq.value()).getLong();
                    if (value > highest.seq()) {
                        highest = new Published(value, record.topic(),
                                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), record.value());
                    }
                }
            }
        }
        return highest;
    }
}
