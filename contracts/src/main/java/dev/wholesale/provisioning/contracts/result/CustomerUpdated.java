package dev.wholesale.provisioning.contracts.result;

import java.util.List;

import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;

/** {@code data} of {@code provisioning.customer.updated.v1}; the administrator as it is now. */
public record CustomerUpdated(String requestId, String requestType, ResultStatus status, List<ResultError> errors,
                              String customerId, String externalId, CustomerChanges changes,
                              Administrator administrator) {

    public CustomerUpdated {
        errors = ResultError.noneIfNull(errors);
    }
}
