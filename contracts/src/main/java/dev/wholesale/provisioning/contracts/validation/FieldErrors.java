package dev.wholesale.provisioning.contracts.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;

/**
 * Turns the schema errors of one event into one {@link FieldError} per field: a value that is too
 * long and does not match its pattern is one broken field, reported once with both reasons.
 */
final class FieldErrors {

    private static final String DATA = "data";

    private final Map<String, FieldError> byField = new LinkedHashMap<>();

    void add(Error error) {
        add(locate(error));
    }

    /** An unknown type says all there is to say about {@code type}: it replaces what the schema said. */
    void addUnsupportedType() {
        FieldError unsupported = FieldError.unsupportedType();
        byField.put(keyOf(unsupported), unsupported);
    }

    List<FieldError> list() {
        return new ArrayList<>(byField.values());
    }

    private void add(FieldError error) {
        byField.merge(keyOf(error), error, FieldErrors::withBothMessages);
    }

    private static FieldError locate(Error error) {
        String target = error.getInstanceLocation().toString();
        boolean missing = "required".equals(error.getKeyword()) && error.getProperty() != null;
        if (missing) {
            // The schema reports a missing property at its parent; the sender wants to know which one is missing.
            target = target + "/" + escape(error.getProperty());
        }
        String message = error.getMessage();
        if (target.isEmpty()) {
            return new FieldError(ErrorCode.VALIDATION_FAILED, null, null, message);
        }
        int end = target.indexOf('/', 1);
        String attribute = unescape(end < 0 ? target.substring(1) : target.substring(1, end));
        boolean missingData = missing && end < 0;
        if (DATA.equals(attribute) && !missingData) {
            return FieldError.inData(end < 0 ? "" : target.substring(end), message);
        }
        return FieldError.onAttribute(attribute, message);
    }

    private static String keyOf(FieldError error) {
        return error.pointer() != null ? "pointer:" + error.pointer() : "attribute:" + error.attribute();
    }

    private static FieldError withBothMessages(FieldError first, FieldError second) {
        if (first.message().contains(second.message())) {
            return first;
        }
        return new FieldError(first.code(), first.pointer(), first.attribute(), first.message() + "; " + second.message());
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
