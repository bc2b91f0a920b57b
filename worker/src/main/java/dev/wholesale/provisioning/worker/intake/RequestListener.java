package dev.wholesale.provisioning.worker.intake;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;
import dev.wholesale.provisioning.contracts.intake.DecodedRecord;
import dev.wholesale.provisioning.contracts.intake.RecordDecoder;
import dev.wholesale.provisioning.contracts.intake.RecordOrigin;
import dev.wholesale.provisioning.contracts.idempotency.ContentHash;
import dev.wholesale.provisioning.worker.request.BatchApplier;
import dev.wholesale.provisioning.worker.request.BatchListener;
import dev.wholesale.provisioning.worker.request.Failures;
import dev.wholesale.provisioning.worker.request.Intake;
import dev.wholesale.provisioning.worker.request.RequestValidator;

/**
 * The three request topics, consumed as one group in batches. Decoding and validation happen
 * before the batch's transaction opens; if the transaction fails the listener throws and the
 * container's error handler retries the same batch with backoff, without committing offsets.
 */
public class RequestListener {

    private static final Logger log = LoggerFactory.getLogger(RequestListener.class);

    private final RecordDecoder decoder;
    private final RequestValidator validator;
    private final BatchApplier applier;
    private final BatchListener listener;

    public RequestListener(RecordDecoder decoder, RequestValidator validator, BatchApplier applier,
                           BatchListener listener) {
        this.decoder = decoder;
        this.validator = validator;
        this.applier = applier;
        this.listener = listener;
    }

    /** Tries of one batch that failed without an outage before its records are tried one by one. */
    static final int TRIES_BEFORE_ISOLATION = 3;

    private final FailedBatches failedBatches = new FailedBatches();

    @KafkaListener(id = "provisioning-requests", idIsGroup = false, topics = {
            "${provisioning.topics.template-requests:provisioning.template-requests.v1}",
            "${provisioning.topics.customer-requests:provisioning.customer-requests.v1}",
            "${provisioning.topics.user-requests:provisioning.user-requests.v1}"},
            containerFactory = "requestContainerFactory", batch = "true")
    public void onBatch(List<ConsumerRecord<byte[], byte[]>> records) {
        List<Intake> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            batch.add(checkSafely(origin(record)));
        }
        try {
            applier.apply(batch);
            failedBatches.forget(records);
        } catch (RuntimeException failure) {
            Failures.Kind kind = Failures.classify(failure);
            listener.batchFailed(kind);
            if (kind.waitedOut() || failedBatches.failedAgain(records) < TRIES_BEFORE_ISOLATION) {
                throw failure; // the container's error handler tries the same batch again after a pause
            }
            applyOneByOne(batch, failure);
            failedBatches.forget(records);
        }
    }

    /**
     * A batch that keeps failing without an outage holds a record that cannot be applied (a bug, or
     * data the store refuses). Apply each record in a transaction of its own; the one that still
     * fails is dead-lettered with the reason PROCESSING_FAILED, so its partition moves on. Records
     * applied before are not applied twice when the batch comes round again: they are repeats then.
     */
    private void applyOneByOne(List<Intake> batch, RuntimeException batchFailure) {
        log.warn("A batch of {} records failed {} times without an outage ({}); applying its records one by one",
                batch.size(), TRIES_BEFORE_ISOLATION, batchFailure.toString());
        for (Intake intake : batch) {
            try {
                applier.apply(List.of(intake));
            } catch (RuntimeException failure) {
                if (Failures.classify(failure).waitedOut()) {
                    throw failure;
                }
                applier.quarantine(intake, failure);
            }
        }
    }

    /**
     * Decoding and validation must not throw; if a defect makes them, the record is set aside
     * like one that cannot be applied, rather than failing its batch for ever.
     */
    private Intake checkSafely(RecordOrigin origin) {
        try {
            return check(decoder.decode(origin));
        } catch (RuntimeException | StackOverflowError defect) {
            // A regular expression that recurses per character overflows the stack on a long enough
            // string (every pattern is linear now; this keeps a future one from failing the batch for ever).
            log.error("record {} could not be checked; it is dead-lettered (PROCESSING_FAILED)", origin.coordinates(), defect);
            return new Intake.Unreadable(new DecodedRecord.Unreadable(origin, DeadLetterReason.PROCESSING_FAILED,
                    defect.getClass().getSimpleName() + " while checking the record", null), ContentHash.ofBytes(origin.value()));
        }
    }

    private Intake check(DecodedRecord decoded) {
        if (decoded instanceof DecodedRecord.Unreadable unreadable) {
            return new Intake.Unreadable(unreadable, ContentHash.ofBytes(unreadable.origin().value()));
        }
        DecodedRecord.Event event = (DecodedRecord.Event) decoded;
        return new Intake.Checked(event.origin(), validator.validate(event));
    }

    private static RecordOrigin origin(ConsumerRecord<byte[], byte[]> record) {
        List<RecordOrigin.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new RecordOrigin.Header(header.key(), header.value()));
        }
        return new RecordOrigin(record.topic(), record.partition(), record.offset(), record.key(), headers, record.value());
    }
}
