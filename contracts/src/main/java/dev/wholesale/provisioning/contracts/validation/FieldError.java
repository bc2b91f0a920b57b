package dev.wholesale.provisioning.contracts.validation;

/**
 * One broken field. Exactly one of {@code pointer} (a JSON pointer into {@code data}) and
 * {@code attribute} (an envelope attribute such as {@code partnerid}) is set, except for an error
 * about {@code data} as a whole, which has the pointer "".
 */
public record FieldError(String pointer, String attribute, String message) {
}
