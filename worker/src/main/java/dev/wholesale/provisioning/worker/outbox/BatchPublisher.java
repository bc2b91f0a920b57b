package dev.wholesale.provisioning.worker.outbox;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the next rows of the outbox in one Kafka transaction, streamed from the database, and
 * never stalls on one record: a record Kafka refuses for a reason that will not go away (too large
 * for its topic, invalid) is isolated. The transaction is aborted, the rows before it go out as
 * usual, and the record is tried alone; refused again, it is replaced by its smaller form (a
 * shortened result, a dead letter without its value) in the outbox and published as that. A record
 * with no smaller form Kafka takes is set aside: it stays in the outbox, unpublished, and the
 * relay moves past it. Each of these is an ERROR log line and a count of
 * {@value #ISOLATED} tagged with the topic and what was done.
 */
final class BatchPublisher {

    /** Records Kafka refused for good, by topic and action ({@code shortened}, {@code set_aside}). */
    static final String ISOLATED = "provisioning.relay.records.isolated";

    private static final Logger log = LoggerFactory.getLogger(BatchPublisher.class);

    private final RelayProperties properties;
    private final PendingRecords pending;
    private final SmallerForm smallerForm;
    private final MeterRegistry meters;
    private final Clock clock;

    BatchPublisher(RelayProperties properties, PendingRecords pending, SmallerForm smallerForm, MeterRegistry meters,
                   Collection<String> topics, Clock clock) {
        this.properties = properties;
        this.pending = pending;
        this.smallerForm = smallerForm;
        this.meters = meters;
        this.clock = clock;
        // At zero from the start, so that an alert on their increase sees the first one.
        for (String topic : topics) {
            isolated(topic, "shortened");
            isolated(topic, "set_aside");
        }
    }

    /**
     * Publishes the next batch, isolating a record Kafka refuses for good; returns how many rows it
     * dealt with (0: nothing to publish, or the lease ran out before the commit).
     */
    int publishNext(Producer<String, byte[]> producer, RelayLease lease) {
        Attempt attempt = publish(producer, Long.MAX_VALUE, lease);
        if (attempt.refusedForGood().isEmpty()) {
            return attempt.rows();
        }
        long refused = attempt.refusedForGood().get();
        // What came before the refused record goes out as usual; records after it wait for the next batch.
        Attempt before = publish(producer, refused, lease);
        if (before.refusedForGood().isPresent()) {
            return before.rows(); // a record further up was refused after all: isolated on the next call
        }
        isolate(producer, refused);
        return attempt.rows();
    }

    /** The outcome of one transaction: rows handed over, and the first of them refused for good, if any. */
    private record Attempt(int rows, Optional<Long> refusedForGood) {
    }

    private Attempt publish(Producer<String, byte[]> producer, long belowSeq, RelayLease lease) {
        Sends sends = new Sends();
        producer.beginTransaction();
        int rows = pending.stream(properties.batchSize(), properties.maxBatchSize().toBytes(), belowSeq,
                row -> sends.send(producer, row));
        producer.flush();
        if (sends.failures.isEmpty() && lease.isValid()) {
            if (rows > 0) {
                producer.commitTransaction();
                pending.markPublishedUpTo(sends.lastSeq, clock.instant());
            } else {
                producer.abortTransaction();
            }
            return new Attempt(rows, Optional.empty());
        }
        producer.abortTransaction();
        if (sends.failures.isEmpty()) {
            return new Attempt(0, Optional.empty()); // the lease may have run out: the relay checks before going on
        }
        Optional<Long> refused = sends.failures.entrySet().stream().filter(failure -> refusedForGood(failure.getValue()))
                .map(Map.Entry::getKey).findFirst();
        if (refused.isEmpty()) {
            Map.Entry<Long, Exception> first = sends.failures.firstEntry();
            // The transaction cannot commit; say why, which commitTransaction() would not.
            throw new IllegalStateException("publishing outbox seq " + first.getKey() + " failed: " + first.getValue(),
                    first.getValue());
        }
        return new Attempt(rows, refused);
    }

    /** The refused record alone; then its smaller form; then set aside. */
    private void isolate(Producer<String, byte[]> producer, long seq) {
        Optional<PendingRecords.Pending> row = pending.pending(seq);
        boolean shortened = false;
        while (row.isPresent()) {
            OutboxRecord record = row.get().record();
            Exception failure = publishAlone(producer, row.get());
            if (failure == null) {
                return;
            }
            if (!refusedForGood(failure)) {
                throw new IllegalStateException("publishing outbox seq " + seq + " alone failed: " + failure, failure);
            }
            Optional<OutboxRecord> smaller = shortened ? Optional.empty() : smallerForm.of(record);
            if (smaller.isEmpty()) {
                log.error("Kafka refuses outbox seq {} for {} ({} bytes) for good, and it has no smaller form: it is set"
                        + " aside, kept in the outbox but not published, so that the records after it go out ({})", seq,
                        record.topic(), PublishableSize.sizeOf(record), failure.toString());
                count(record.topic(), "set_aside");
                pending.markPublishedUpTo(seq, clock.instant());
                return;
            }
            log.error("Kafka refuses outbox seq {} for {} ({} bytes) for good ({}); it is published in its smaller form"
                    + " of {} bytes", seq, record.topic(), PublishableSize.sizeOf(record), failure.toString(),
                    PublishableSize.sizeOf(smaller.get()));
            count(record.topic(), "shortened");
            pending.replace(seq, smaller.get());
            row = Optional.of(new PendingRecords.Pending(seq, smaller.get()));
            shortened = true;
        }
    }

    /** One record in a transaction of its own; the failure, or null once it is committed. */
    private Exception publishAlone(Producer<String, byte[]> producer, PendingRecords.Pending row) {
        Sends sends = new Sends();
        producer.beginTransaction();
        sends.send(producer, row);
        producer.flush();
        if (sends.failures.isEmpty()) {
            producer.commitTransaction();
            pending.markPublishedUpTo(row.seq(), clock.instant());
            return null;
        }
        producer.abortTransaction();
        return sends.failures.firstEntry().getValue();
    }

    /** Reasons a record is refused that trying again will not change. */
    private static boolean refusedForGood(Exception failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidRecordException;
    }

    private void count(String topic, String action) {
        isolated(topic, action).increment();
    }

    private Counter isolated(String topic, String action) {
        return Counter.builder(ISOLATED).description("Outbox records Kafka refused for good: published shortened, or set aside")
                .tag("topic", topic).tag("action", action).register(meters);
    }

    /** The sends of one transaction and how they ended; callbacks come on the producer's I/O thread. */
    private static final class Sends {
        private final ConcurrentSkipListMap<Long, Exception> failures = new ConcurrentSkipListMap<>();
        private long lastSeq = -1;

        void send(Producer<String, byte[]> producer, PendingRecords.Pending row) {
            long seq = row.seq();
            lastSeq = seq;
            producer.send(toProducerRecord(row), (metadata, failure) -> {
                if (failure != null) {
                    failures.put(seq, failure);
                }
            });
        }

        private static ProducerRecord<String, byte[]> toProducerRecord(PendingRecords.Pending row) {
            OutboxRecord record = row.record();
            ProducerRecord<String, byte[]> producerRecord = new ProducerRecord<>(record.topic(), record.key(), record.payload());
            for (OutboxRecord.Header header : record.headers()) {
                producerRecord.headers().add(new RecordHeader(header.key(), header.value()));
            }
            producerRecord.headers().add(new RecordHeader(PublishedWatermark.SEQ_HEADER,
                    ByteBuffer.allocate(Long.BYTES).putLong(row.seq()).array()));
            return producerRecord;
        }
    }
}
