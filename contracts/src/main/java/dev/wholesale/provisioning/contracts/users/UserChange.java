package dev.wholesale.provisioning.contracts.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/** A change to the user with {@code email}: only the given fields change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserChange(String email, @JsonProperty("package") ServicePackage servicePackage, String location,
                         String primaryPhoneNumber, String extension) {
}
