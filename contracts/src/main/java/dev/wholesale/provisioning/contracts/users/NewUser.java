package dev.wholesale.provisioning.contracts.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/** A user to add; calling packages need {@code primaryPhoneNumber} (E.164) or {@code extension}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewUser(String email, String firstName, String lastName,
                      @JsonProperty("package") ServicePackage servicePackage, String location,
                      String primaryPhoneNumber, String extension) {
}
