package dev.wholesale.provisioning.worker.request;

import java.util.List;

import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.intake.DecodedRecord;
import dev.wholesale.provisioning.contracts.intake.RecordOrigin;
import dev.wholesale.provisioning.contracts.intake.RequestIdentity;

/**
 * What happened to each request of a batch, for logs and metrics. Called inside the transaction,
 * except {@link #batchFailed}.
 */
public interface BatchListener {

    void completed(ProvisioningRequest request, Outcome.Result result);

    void rejected(RequestIdentity identity, List<ResultError> errors);

    void repeated(RequestIdentity identity);

    void parked(ProvisioningRequest request);

    void released(ProvisioningRequest request);

    void deadLettered(DecodedRecord.Unreadable record);

    /** A readable record set aside because applying it kept failing without an outage. */
    void quarantined(RecordOrigin origin, RuntimeException failure);

    /** A batch's transaction failed and was rolled back; it is tried again. */
    void batchFailed(Failures.Kind cause);
}
