package dev.wholesale.provisioning.contracts.result;

import java.util.List;
import java.util.Map;

import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/** {@code data} of {@code provisioning.customer.deprovisioned.v1}: users removed per package, administrator included. */
public record CustomerDeprovisioned(String requestId, String requestType, ResultStatus status, List<ResultError> errors,
                                    String customerId, String externalId, Map<ServicePackage, Integer> usersRemoved,
                                    int usersRemovedTotal) {

    public CustomerDeprovisioned {
        errors = ResultError.noneIfNull(errors);
    }
}
