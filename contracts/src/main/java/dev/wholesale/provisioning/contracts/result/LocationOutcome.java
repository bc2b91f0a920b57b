package dev.wholesale.provisioning.contracts.result;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.wholesale.provisioning.contracts.catalogue.ItemOutcome;

/** How one new location of a users request ended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocationOutcome(String name, ItemOutcome outcome, String locationId, List<ResultError> errors) {

    public LocationOutcome {
        errors = ResultError.noneIfNull(errors);
    }
}
