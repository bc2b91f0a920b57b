package dev.wholesale.provisioning.contracts.result;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/**
 * {@code data} of {@code provisioning.users.provisioned/updated/removed.v1}: per location and per
 * user, and how many users of each package went through. {@code shortened} is true (otherwise
 * absent) when items were left out or cut to fit the result in one Kafka record.
 */
public record UsersResult(String requestId, String requestType, ResultStatus status, List<ResultError> errors,
                          String customerId, String customerExternalId, List<LocationOutcome> locations,
                          List<UserOutcome> users, Map<ServicePackage, Integer> countsPerPackage,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean shortened) {

    public UsersResult {
        errors = ResultError.noneIfNull(errors);
    }

    /** A result in full. */
    public UsersResult(String requestId, String requestType, ResultStatus status, List<ResultError> errors,
                       String customerId, String customerExternalId, List<LocationOutcome> locations,
                       List<UserOutcome> users, Map<ServicePackage, Integer> countsPerPackage) {
        this(requestId, requestType, status, errors, customerId, customerExternalId, locations, users, countsPerPackage,
                null);
    }
}
