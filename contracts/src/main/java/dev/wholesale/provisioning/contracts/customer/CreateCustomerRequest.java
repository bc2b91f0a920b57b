package dev.wholesale.provisioning.contracts.customer;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/** {@code data} of {@code provisioning.customer.create.v1}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateCustomerRequest(String externalId, String provisioningId, CustomerInfo customerInfo,
                                    @JsonProperty("package") ServicePackage servicePackage,
                                    Map<ServicePackage, Integer> packageLimits, Location headquarters,
                                    Boolean webexSupportedLocationConfirmed) {
}
