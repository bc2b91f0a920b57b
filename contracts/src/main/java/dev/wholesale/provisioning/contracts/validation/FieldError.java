package dev.wholesale.provisioning.contracts.validation;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;

/**
 * One broken field of an event, however many schema rules it breaks.
 *
 * <p>Either {@code pointer} is set (a JSON pointer into {@code data}; {@code ""} is {@code data} as a
 * whole) or {@code attribute} is (an envelope attribute such as {@code partnerid}). Both are null
 * only when the event itself is not a JSON object.
 *
 * @param code {@link ErrorCode#UNSUPPORTED_TYPE} for a {@code type} outside the catalogue,
 *             {@link ErrorCode#VALIDATION_FAILED} for everything else
 */
public record FieldError(ErrorCode code, String pointer, String attribute, String message) {

    static FieldError inData(String pointer, String message) {
        return new FieldError(ErrorCode.VALIDATION_FAILED, pointer, null, message);
    }

    static FieldError onAttribute(String attribute, String message) {
        return new FieldError(ErrorCode.VALIDATION_FAILED, null, attribute, message);
    }

    /** The type itself is not repeated: it may be anything a sender wrote, of any length. */
    static FieldError unsupportedType() {
        return new FieldError(ErrorCode.UNSUPPORTED_TYPE, null, "type", "is not a type of catalogue v1");
    }
}
