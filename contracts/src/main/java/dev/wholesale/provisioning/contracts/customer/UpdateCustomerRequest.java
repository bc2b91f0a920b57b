package dev.wholesale.provisioning.contracts.customer;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/** {@code data} of {@code provisioning.customer.update.v1}: only what is given changes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateCustomerRequest(String externalId, @JsonProperty("package") ServicePackage servicePackage,
                                    Map<ServicePackage, Integer> packageLimits, CustomerRename customerInfo) {

    /** Only the name can change through an update. */
    public record CustomerRename(String name) {
    }
}
