package dev.wholesale.provisioning.worker.request;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.worker.intake.DecodedRecord;
import dev.wholesale.provisioning.worker.intake.RequestIdentity;

/** One log line per request outcome, naming partner, request id and type (never e-mails or numbers). */
@Component
public class LoggingBatchListener implements BatchListener {

    private static final Logger log = LoggerFactory.getLogger("provisioning.requests");

    @Override
    public void completed(ProvisioningRequest request, Outcome.Result result) {
        log.info("partner={} request={} type={} result={} status={}", request.partnerId(), request.requestId(),
                request.type().wire(), result.type().wire(), result.status());
    }

    @Override
    public void rejected(RequestIdentity identity, List<ResultError> errors) {
        log.info("partner={} request={} type={} rejected codes={}", identity.partnerId(), identity.requestId(),
                identity.type(), errors.stream().map(e -> e.code().name()).distinct().toList());
    }

    @Override
    public void repeated(RequestIdentity identity) {
        log.info("partner={} request={} type={} repeated: already processed, nothing emitted", identity.partnerId(),
                identity.requestId(), identity.type());
    }

    @Override
    public void parked(ProvisioningRequest request) {
        log.info("partner={} request={} type={} waiting for customer", request.partnerId(), request.requestId(),
                request.type().wire());
    }

    @Override
    public void released(ProvisioningRequest request) {
        log.info("partner={} request={} type={} released: its customer exists now", request.partnerId(),
                request.requestId(), request.type().wire());
    }

    @Override
    public void deadLettered(DecodedRecord.Unreadable record) {
        log.warn("record {} dead-lettered: {} ({})", record.origin().coordinates(), record.reason(), record.detail());
    }
}
