package dev.wholesale.provisioning.contracts.result;

import java.util.List;
import java.util.Map;

import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/**
 * {@code data} of {@code provisioning.users.provisioned/updated/removed.v1}: per location and per
 * user, and how many users of each package went through.
 */
public record UsersResult(String requestId, String requestType, ResultStatus status, List<ResultError> errors,
                          String customerId, String customerExternalId, List<LocationOutcome> locations,
                          List<UserOutcome> users, Map<ServicePackage, Integer> countsPerPackage) {

    public UsersResult {
        errors = ResultError.noneIfNull(errors);
    }
}
