package dev.wholesale.provisioning.contracts.customer;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A headquarters or branch office; {@code name} is unique within its customer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Location(String name, Address address, String timezone, String language,
                       String emergencyLocationIdentifier) {
}
