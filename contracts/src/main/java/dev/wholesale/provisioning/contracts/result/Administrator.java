package dev.wholesale.provisioning.contracts.result;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/** The customer's full administrator: a user who always has the customer's package. */
public record Administrator(String subscriberId, String email, @JsonProperty("package") ServicePackage servicePackage) {
}
