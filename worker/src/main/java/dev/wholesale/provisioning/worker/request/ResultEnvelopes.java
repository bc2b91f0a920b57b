package dev.wholesale.provisioning.worker.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.envelope.CloudEvents;
import dev.wholesale.provisioning.worker.config.WorkerProperties;
import dev.wholesale.provisioning.worker.outbox.OutboxRecord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Wraps result data into a structured-mode CloudEvent bound for the results topic. */
public class ResultEnvelopes {

    /**
     * The largest result value written to the outbox: below the 1 MiB a Kafka producer and topic
     * accept by default, with room for the record's key and headers.
     */
    public static final int MAX_RESULT_BYTES = 900 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ResultEnvelopes.class);

    private final JsonMapper json;
    private final WorkerProperties properties;

    public ResultEnvelopes(JsonMapper json, WorkerProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    /**
     * The result's event id is derived from what it answers, so that it is the same however often
     * it is produced: the partner and request id, plus the content hash for the refusal of a
     * reused id (which answers a different request than the original).
     */
    public static UUID eventId(String partnerId, String requestId, byte[] reusedContentHash) {
        StringBuilder name = new StringBuilder("provisioning-result\n").append(partnerId).append('\n').append(requestId);
        if (reusedContentHash != null) {
            name.append('\n').append(java.util.HexFormat.of().formatHex(reusedContentHash));
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }

    public OutboxRecord envelope(UUID eventId, String partnerId, String recordKey, Outcome.Result result,
                                 String traceparent, Instant time) {
        ObjectNode event = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", eventId.toString())
                .put("source", properties.resultSource())
                .put("type", result.type().wire())
                .put("partnerid", partnerId);
        if (result.subject() != null) {
            event.put("subject", result.subject());
        }
        // Instant.toString() always writes the seconds, as RFC 3339 requires; OffsetDateTime's drops ":00".
        event.put("time", time.toString())
                .put("datacontenttype", "application/json");
        if (traceparent != null) {
            event.put("traceparent", traceparent);
        }
        byte[] value = withData(event, result.data());
        for (Object shorter : ResultShortening.of(result.data())) {
            if (value.length <= MAX_RESULT_BYTES) {
                break;
            }
            int fullSize = value.length;
            value = withData(event, shorter);
            log.warn("Result {} ({}) of partner {} is {} bytes, more than the {} a result may have: shortened to {} bytes",
                    eventId, result.type().wire(), partnerId, fullSize, MAX_RESULT_BYTES, value.length);
        }
        String key = recordKey != null ? recordKey : partnerId + "/" + (result.subject() == null ? "" : result.subject());
        return OutboxRecord.result(properties.topics().results(), key, eventId.toString(), value,
                List.of(new OutboxRecord.Header("content-type",
                        CloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))));
    }

    /** The data record is written straight into the event's bytes, without a tree in between. */
    private byte[] withData(ObjectNode event, Object data) {
        event.putPOJO("data", data);
        return json.writeValueAsBytes(event);
    }
}
