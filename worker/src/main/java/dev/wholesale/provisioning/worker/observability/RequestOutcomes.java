package dev.wholesale.provisioning.worker.observability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.worker.config.WorkerProperties;
import dev.wholesale.provisioning.contracts.intake.DecodedRecord;
import dev.wholesale.provisioning.contracts.intake.RecordOrigin;
import dev.wholesale.provisioning.contracts.intake.RequestIdentity;
import dev.wholesale.provisioning.worker.request.BatchListener;
import dev.wholesale.provisioning.worker.request.Failures;
import dev.wholesale.provisioning.worker.request.Outcome;
import dev.wholesale.provisioning.worker.request.ProvisioningRequest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One log line and one count per request outcome. Counters: {@code provisioning.requests} by
 * request type and outcome, {@code provisioning.dead.letters} by topic and reason. Log lines name
 * partner, request id and type, never e-mail addresses or phone numbers.
 */
@Component
public class RequestOutcomes implements BatchListener {

    /** Batch transactions rolled back to be tried again, tagged {@code cause} outage or other. */
    public static final String BATCHES_FAILED = "provisioning.batches.failed";
    private static final Logger log = LoggerFactory.getLogger("provisioning.requests");

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * The counters alerts watch exist from the start, at zero: an alert on their increase must see
     * the first one (a series that appears at 1 has no increase to show).
     */
    public RequestOutcomes(MeterRegistry meters, WorkerProperties properties) {
        this.meters = meters;
        for (Failures.Kind cause : Failures.Kind.values()) {
            batchesFailed(cause);
        }
        for (String topic : properties.topics().requests()) {
            for (DeadLetterReason reason : DeadLetterReason.values()) {
                deadLetters(topic, reason.name());
            }
        }
    }

    @Override
    public void completed(ProvisioningRequest request, Outcome.Result result) {
        count(request.type().wire(), result.status().name().toLowerCase(java.util.Locale.ROOT));
        log.info("partner={} request={} type={} completed: result={} status={}", request.partnerId(),
                request.requestId(), request.type().wire(), result.type().wire(), result.status());
    }

    @Override
    public void rejected(RequestIdentity identity, List<ResultError> errors) {
        count(identity.type(), "rejected");
        log.info("partner={} request={} type={} rejected: codes={}", identity.partnerId(), identity.requestId(),
                identity.type(), errors.stream().map(e -> e.code().name()).distinct().toList());
    }

    @Override
    public void repeated(RequestIdentity identity) {
        count(identity.type(), "repeated");
        log.info("partner={} request={} type={} repeated: already answered, nothing emitted", identity.partnerId(),
                identity.requestId(), identity.type());
    }

    @Override
    public void parked(ProvisioningRequest request) {
        count(request.type().wire(), "waiting");
        log.info("partner={} request={} type={} waiting for its customer", request.partnerId(), request.requestId(),
                request.type().wire());
    }

    @Override
    public void released(ProvisioningRequest request) {
        log.info("partner={} request={} type={} released: its customer exists now", request.partnerId(),
                request.requestId(), request.type().wire());
    }

    @Override
    public void deadLettered(DecodedRecord.Unreadable record) {
        deadLetters(record.origin().topic(), record.reason().name()).increment();
        log.warn("record {} dead-lettered: reason={} detail={}", record.origin().coordinates(), record.reason(),
                record.detail());
    }

    @Override
    public void quarantined(RecordOrigin origin, RuntimeException failure) {
        deadLetters(origin.topic(), DeadLetterReason.PROCESSING_FAILED.name()).increment();
        log.error("record {} could not be applied and was dead-lettered (PROCESSING_FAILED)", origin.coordinates(), failure);
    }

    /** No log line: the container's error handler logs the failure as it schedules the next try. */
    @Override
    public void batchFailed(Failures.Kind cause) {
        batchesFailed(cause).increment();
    }

    private Counter batchesFailed(Failures.Kind cause) {
        return Counter.builder(BATCHES_FAILED)
                .description("Batch transactions rolled back, to be tried again; cause=outage means a server was out,"
                        + " contention that another transaction was in the way")
                .tag("cause", cause.name().toLowerCase(java.util.Locale.ROOT)).register(meters);
    }

    private Counter deadLetters(String topic, String reason) {
        return Counter.builder("provisioning.dead.letters").description("Records sent to a dead-letter topic")
                .tag("topic", topic).tag("reason", reason).register(meters);
    }

    /** Counters are looked up once per type and outcome, not built anew for every request. */
    private void count(String type, String outcome) {
        String knownType = knownType(type);
        counters.computeIfAbsent(knownType + "\n" + outcome, key -> Counter.builder("provisioning.requests")
                .description("Requests by type and outcome").tag("type", knownType).tag("outcome", outcome)
                .register(meters)).increment();
    }

    /** Unknown types come from senders: keep them out of metric tags, or a sender could explode the series. */
    private static String knownType(String type) {
        return dev.wholesale.provisioning.contracts.catalogue.RequestType.fromWire(type).isPresent() ? type : "unknown";
    }
}
