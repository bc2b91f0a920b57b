package dev.wholesale.provisioning.contracts.result;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;

/**
 * One reason a request or item was refused. {@code pointer} is a JSON pointer into the request's
 * {@code data}; it is absent when the error concerns an envelope attribute or the whole request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultError(ErrorCode code, String message, String pointer) {

    /** Results always carry their error lists: an empty list, never null. */
    static List<ResultError> noneIfNull(List<ResultError> errors) {
        return errors == null ? List.of() : errors;
    }
}
