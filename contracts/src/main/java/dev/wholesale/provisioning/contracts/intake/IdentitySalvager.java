package dev.wholesale.provisioning.contracts.intake;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads {@code id}, {@code type} and {@code partnerid} from the top level of a structured event
 * that failed to parse as a whole (truncated, too large, too deep, ...), so the sender can still be
 * told its request was refused. Streams the top level only and stops at the first error; an
 * attribute seen twice makes the identity ambiguous and it is given up.
 */
final class IdentitySalvager {

    private final JsonFactory factory;
    private final int maxValueBytes;

    IdentitySalvager(IntakeLimits limits) {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .build())
                .build();
        this.maxValueBytes = limits.maxValueBytes();
    }

    RequestIdentity salvage(byte[] value) {
        if (value == null || value.length == 0) {
            return null;
        }
        String id = null;
        String type = null;
        String partnerId = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (JsonParser parser = factory.createParser(value, 0, Math.min(value.length, maxValueBytes))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken valueToken = parser.nextToken();
                if (isIdentityAttribute(name)) {
                    if (!seen.add(name)) {
                        return null; // the same attribute twice, whatever its values: ambiguous
                    }
                    String text = valueToken == JsonToken.VALUE_STRING ? parser.getString() : null;
                    switch (name) {
                        case "id" -> id = text;
                        case "type" -> type = text;
                        default -> partnerId = text;
                    }
                }
                parser.skipChildren(); // a no-op for a scalar; passes over an object or array
            }
        } catch (JacksonException e) {
            // Truncated (also where a value over the size limit is cut off, so that reading it
            // costs no more than reading a record within the limit) or malformed further on: keep
            // what was read before the damage.
        }
        return RequestIdentity.ofNullable(partnerId, id, type);
    }

    private static boolean isIdentityAttribute(String name) {
        return "id".equals(name) || "type".equals(name) || "partnerid".equals(name);
    }
}
