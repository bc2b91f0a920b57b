package dev.wholesale.provisioning.contracts.result;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.wholesale.provisioning.contracts.catalogue.ItemOutcome;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/**
 * How one user of a users request ended. {@code previousPackage} is set by updates that changed
 * the package, which billing needs to stop one charge and start another.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserOutcome(String email, ItemOutcome outcome, String subscriberId,
                          @JsonProperty("package") ServicePackage servicePackage, ServicePackage previousPackage,
                          String location, String locationId, String primaryPhoneNumber, String extension,
                          List<ResultError> errors) {

    public UserOutcome {
        errors = ResultError.noneIfNull(errors);
    }
}
