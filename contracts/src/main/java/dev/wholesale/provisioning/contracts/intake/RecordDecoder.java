package dev.wholesale.provisioning.contracts.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a consumed record into a CloudEvent tree or a dead letter, enforcing the intake limits
 * while parsing. Handles both CloudEvents Kafka modes: structured (the value is the whole event)
 * and binary ({@code ce_*} headers, the value is {@code data}).
 */
public final class RecordDecoder {

    private static final String CONTENT_TYPE = "content-type";
    private static final String BINARY_PREFIX = "ce_";

    private final IntakeLimits limits;
    private final JsonMapper strictMapper;
    private final IdentitySalvager salvager;

    public RecordDecoder(IntakeLimits limits) {
        this.limits = limits;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(256)
                .maxNumberLength(64)
                .maxDocumentLength(limits.maxValueBytes())
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // Decimals as BigDecimal: a double would round 9007199254740993.0 and make 1e400 Infinity,
        // and the content hash must see the number that was sent.
        this.strictMapper = JsonMapper.builder(factory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        this.salvager = new IdentitySalvager(limits);
    }

    public DecodedRecord decode(RecordOrigin origin) {
        String contentType = header(origin.headers(), CONTENT_TYPE);
        boolean structured = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents");
        boolean binary = !structured && header(origin.headers(), BINARY_PREFIX + "specversion") != null;
        // Sizes first: they are known without reading anything, and a record over them is not read.
        if (origin.keySize() > limits.maxKeyBytes()) {
            return unreadable(origin, DeadLetterReason.KEY_TOO_LARGE,
                    "key of " + origin.keySize() + " bytes, more than the limit of " + limits.maxKeyBytes(), binary);
        }
        if (origin.headers().size() > limits.maxHeaders()) {
            return unreadable(origin, DeadLetterReason.HEADERS_TOO_LARGE,
                    origin.headers().size() + " headers, more than the limit of " + limits.maxHeaders(), binary);
        }
        if (origin.headerBytes() > limits.maxHeaderBytes()) {
            return unreadable(origin, DeadLetterReason.HEADERS_TOO_LARGE,
                    "headers of " + origin.headerBytes() + " bytes, more than the limit of " + limits.maxHeaderBytes(), binary);
        }
        if (origin.size() > limits.maxValueBytes()) {
            return unreadable(origin, DeadLetterReason.TOO_LARGE,
                    origin.size() + " bytes, more than the limit of " + limits.maxValueBytes(), binary);
        }
        if (contentType != null && !structured && !isJson(contentType)) {
            return unreadable(origin, DeadLetterReason.UNSUPPORTED_CONTENT_TYPE, "content-type " + cut(contentType, 100),
                    binary);
        }
        if (origin.value() == null || origin.size() == 0) {
            return unreadable(origin, DeadLetterReason.NOT_JSON, "empty value", binary);
        }
        JsonNode parsed;
        try {
            parsed = strictMapper.readTree(origin.value());
        } catch (StreamConstraintsException e) {
            return unreadable(origin, constraintReason(e), firstLine(e), binary);
        } catch (JacksonException e) {
            DeadLetterReason reason = e.getMessage() != null && e.getMessage().startsWith("Duplicate Object property")
                    ? DeadLetterReason.DUPLICATE_KEY : DeadLetterReason.NOT_JSON;
            return unreadable(origin, reason, firstLine(e), binary);
        }
        if (parsed == null || parsed.isMissingNode()) {
            return unreadable(origin, DeadLetterReason.NOT_JSON, "no JSON value, only white space", binary);
        }
        return binary ? fromBinary(origin, parsed) : fromStructured(origin, parsed);
    }

    private DecodedRecord fromStructured(RecordOrigin origin, JsonNode parsed) {
        if (!(parsed instanceof ObjectNode event)) {
            return new DecodedRecord.Unreadable(origin, DeadLetterReason.NOT_A_CLOUDEVENT,
                    "the value is JSON but not an object", null);
        }
        return withIdentity(origin, event);
    }

    private DecodedRecord fromBinary(RecordOrigin origin, JsonNode data) {
        ObjectNode event = strictMapper.createObjectNode();
        for (RecordOrigin.Header header : origin.headers()) {
            // Case-insensitive like header(): CE_ID and ce_id are one attribute, the last one wins.
            if (header.key().regionMatches(true, 0, BINARY_PREFIX, 0, BINARY_PREFIX.length()) && header.value() != null) {
                event.put(header.key().substring(BINARY_PREFIX.length()).toLowerCase(Locale.ROOT), utf8(header.value()));
            }
        }
        String contentType = header(origin.headers(), CONTENT_TYPE);
        if (contentType != null) {
            event.put("datacontenttype", contentType);
        }
        event.set("data", data);
        return withIdentity(origin, event);
    }

    private DecodedRecord withIdentity(RecordOrigin origin, ObjectNode event) {
        String partnerId = text(event, "partnerid");
        RequestIdentity identity = RequestIdentity.ofNullable(partnerId, text(event, "id"), text(event, "type"));
        if (identity != null) {
            return new DecodedRecord.Event(origin, identity, event);
        }
        if (partnerId == null) {
            return new DecodedRecord.Unreadable(origin, DeadLetterReason.MISSING_PARTNER_ID,
                    "no partnerid extension attribute", null);
        }
        return new DecodedRecord.Unreadable(origin, DeadLetterReason.NOT_A_CLOUDEVENT,
                "id, type and partnerid must be non-empty strings without control characters (id and partnerid at most 128 characters)",
                null);
    }

    private DecodedRecord unreadable(RecordOrigin origin, DeadLetterReason reason, String detail, boolean binary) {
        RequestIdentity identity = binary
                ? RequestIdentity.ofNullable(header(origin.headers(), "ce_partnerid"), header(origin.headers(), "ce_id"),
                        header(origin.headers(), "ce_type"))
                : salvager.salvage(origin.value());
        return new DecodedRecord.Unreadable(origin, reason, detail, identity);
    }

    private static DeadLetterReason constraintReason(StreamConstraintsException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("nesting depth")) {
            return DeadLetterReason.TOO_DEEP;
        }
        if (message.contains("document length")) {
            return DeadLetterReason.TOO_LARGE;
        }
        return DeadLetterReason.TOKEN_TOO_LONG;
    }

    private static boolean isJson(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.contains("+json") || type.startsWith("text/json");
    }

    private static String text(ObjectNode event, String attribute) {
        JsonNode value = event.get(attribute);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    static String header(List<RecordOrigin.Header> headers, String key) {
        String found = null;
        for (RecordOrigin.Header header : headers) {
            if (header.key().equalsIgnoreCase(key) && header.value() != null) {
                found = utf8(header.value());
            }
        }
        return found;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return cut(newline < 0 ? message : message.substring(0, newline), 300);
    }

    private static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }
}
