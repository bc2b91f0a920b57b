package dev.wholesale.provisioning.contracts.result;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/** What a customer update changed; unchanged parts are absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerChanges(@JsonProperty("package") Change<ServicePackage> servicePackage,
                              Change<Map<ServicePackage, Integer>> packageLimits, Change<String> name) {
}
