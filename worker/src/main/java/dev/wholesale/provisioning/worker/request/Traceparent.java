package dev.wholesale.provisioning.worker.request;

import tools.jackson.databind.JsonNode;

/**
 * The W3C trace context of a request, carried as the CloudEvents {@code traceparent} extension
 * (distributed tracing extension): copied onto its result so a trace spans request and result.
 */
public final class Traceparent {

    private static final java.util.regex.Pattern FORMAT =
            java.util.regex.Pattern.compile("^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");

    private Traceparent() {
    }

    /** The event's traceparent if it has a well-formed one; a malformed one is not passed on. */
    public static String of(JsonNode event) {
        JsonNode value = event.get("traceparent");
        return value != null && value.isString() && FORMAT.matcher(value.asString()).matches() ? value.asString() : null;
    }
}
