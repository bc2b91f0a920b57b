package dev.wholesale.provisioning.contracts.result;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/** {@code data} of {@code provisioning.customer.provisioned.v1}: billing starts charging here. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerProvisioned(String requestId, String requestType, ResultStatus status, List<ResultError> errors,
                                  String customerId, String externalId, String provisioningId, String name,
                                  String region, @JsonProperty("package") ServicePackage servicePackage,
                                  Map<ServicePackage, Integer> packageLimits, String headquartersLocationId,
                                  Administrator administrator) {

    public CustomerProvisioned {
        errors = ResultError.noneIfNull(errors);
    }
}
