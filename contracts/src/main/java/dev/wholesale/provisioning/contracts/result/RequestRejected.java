package dev.wholesale.provisioning.contracts.result;

import java.util.List;

import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;

/** {@code data} of {@code provisioning.request.rejected.v1}: the whole request was refused, nothing changed. */
public record RequestRejected(String requestId, String requestType, ResultStatus status, List<ResultError> errors) {

    public RequestRejected {
        errors = ResultError.noneIfNull(errors);
    }
}
