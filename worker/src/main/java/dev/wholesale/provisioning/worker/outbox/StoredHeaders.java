package dev.wholesale.provisioning.worker.outbox;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * How a record's key and headers are kept in the outbox: headers as a JSON array of name and
 * base64 value. PostgreSQL text and jsonb cannot hold NUL, which a Kafka key or header name may
 * contain; such a character is replaced (U+FFFD) rather than letting the write fail and the batch
 * stall.
 */
final class StoredHeaders {

    private StoredHeaders() {
    }

    static String storable(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    static String toJson(JsonMapper json, List<OutboxRecord.Header> headers) {
        ArrayNode array = json.createArrayNode();
        Base64.Encoder base64 = Base64.getEncoder();
        for (OutboxRecord.Header header : headers) {
            array.addObject()
                    .put("key", storable(header.key()))
                    .put("value", header.value() == null ? null : base64.encodeToString(header.value()));
        }
        return json.writeValueAsString(array);
    }

    static List<OutboxRecord.Header> fromJson(JsonMapper json, String headersJson) {
        List<OutboxRecord.Header> headers = new ArrayList<>();
        Base64.Decoder base64 = Base64.getDecoder();
        for (JsonNode header : json.readTree(headersJson)) {
            JsonNode value = header.get("value");
            headers.add(new OutboxRecord.Header(header.get("key").asString(),
                    value == null || value.isNull() ? null : base64.decode(value.asString())));
        }
        return headers;
    }
}
