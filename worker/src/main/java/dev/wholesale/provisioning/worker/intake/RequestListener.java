package dev.wholesale.provisioning.worker.intake;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;

import dev.wholesale.provisioning.worker.idempotency.ContentHash;
import dev.wholesale.provisioning.worker.request.BatchApplier;
import dev.wholesale.provisioning.worker.request.Intake;
import dev.wholesale.provisioning.worker.request.RequestValidator;

/**
 * The three request topics, consumed as one group in batches. Decoding and validation happen
 * before the batch's transaction opens; if the transaction fails the listener throws and the
 * container's error handler retries the same batch with backoff, without committing offsets.
 */
public class RequestListener {

    private final RecordDecoder decoder;
    private final RequestValidator validator;
    private final BatchApplier applier;

    public RequestListener(RecordDecoder decoder, RequestValidator validator, BatchApplier applier) {
        this.decoder = decoder;
        this.validator = validator;
        this.applier = applier;
    }

    @KafkaListener(id = "provisioning-requests", idIsGroup = false, topics = {
            "${provisioning.topics.template-requests:provisioning.template-requests.v1}",
            "${provisioning.topics.customer-requests:provisioning.customer-requests.v1}",
            "${provisioning.topics.user-requests:provisioning.user-requests.v1}"},
            containerFactory = "requestContainerFactory", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<Intake> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            batch.add(check(decoder.decode(origin(record))));
        }
        applier.apply(batch);
    }

    private Intake check(DecodedRecord decoded) {
        if (decoded instanceof DecodedRecord.Unreadable unreadable) {
            return new Intake.Unreadable(unreadable, ContentHash.ofBytes(unreadable.origin().value()));
        }
        DecodedRecord.Event event = (DecodedRecord.Event) decoded;
        return new Intake.Checked(validator.validate(event), event.origin().key());
    }

    private static RecordOrigin origin(ConsumerRecord<String, byte[]> record) {
        List<RecordOrigin.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new RecordOrigin.Header(header.key(), header.value()));
        }
        return new RecordOrigin(record.topic(), record.partition(), record.offset(), record.key(), headers, record.value());
    }
}
