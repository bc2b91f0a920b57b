package dev.wholesale.provisioning.worker.request;

import java.util.List;

import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.intake.RequestIdentity;

/** The verdict on a readable CloudEvent: a request to apply, or one to refuse as a whole. */
public sealed interface Validation {

    RequestIdentity identity();

    byte[] contentHash();

    record Valid(ProvisioningRequest request) implements Validation {
        @Override
        public RequestIdentity identity() {
            return request.identity();
        }

        @Override
        public byte[] contentHash() {
            return request.contentHash();
        }
    }

    /** @param subject the customer the request names, if it names one readably, for the refusal's subject */
    record Invalid(RequestIdentity identity, byte[] contentHash, String subject, List<ResultError> errors)
            implements Validation {
    }
}
