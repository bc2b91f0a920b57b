package dev.wholesale.provisioning.worker.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.envelope.CloudEvents;
import dev.wholesale.provisioning.worker.config.WorkerProperties;
import dev.wholesale.provisioning.worker.outbox.OutboxRecord;
import dev.wholesale.provisioning.worker.outbox.PublishableSize;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Wraps result data into a structured-mode CloudEvent bound for the results topic. */
public class ResultEnvelopes {

    private static final Logger log = LoggerFactory.getLogger(ResultEnvelopes.class);

    private static final List<OutboxRecord.Header> HEADERS = List.of(new OutboxRecord.Header("content-type",
            CloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));

    private final JsonMapper json;
    private final WorkerProperties properties;
    private final PublishableSize publishable;

    public ResultEnvelopes(JsonMapper json, WorkerProperties properties, PublishableSize publishable) {
        this.json = json;
        this.properties = properties;
        this.publishable = publishable;
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

    /**
     * The result as a record of the results topic, keyed by its customer ({@code partnerid/externalId},
     * templates {@code partnerid/provisioningId}) whatever the request's key was: all results of one
     * customer share a partition, so billing reads them in order, and a sender's key (which may be
     * anything, of any size) never travels on. A refusal that names no customer readably is keyed
     * {@code partnerid/}.
     */
    public OutboxRecord envelope(UUID eventId, String partnerId, Outcome.Result result, String traceparent,
                                 Instant time) {
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
        String topic = properties.topics().results();
        String key = partnerId + "/" + (result.subject() == null ? "" : result.subject());
        int limit = publishable.limitFor(topic);
        byte[] value = withData(event, result.data());
        for (Object shorter : ResultShortening.of(result.data())) {
            if (PublishableSize.sizeOf(key, value, HEADERS) <= limit) {
                break;
            }
            int fullSize = value.length;
            value = withData(event, shorter);
            log.warn("Result {} ({}) of partner {} is {} bytes, more than the {} its topic takes: shortened to {} bytes",
                    eventId, result.type().wire(), partnerId, fullSize, limit, value.length);
        }
        return OutboxRecord.result(topic, key, eventId.toString(), value, HEADERS);
    }

    /**
     * The smallest form of a result that Kafka refused for good (its topic's limit was lowered after
     * the result was written, say): the same event with its data in the last form
     * {@link ResultShortening} has for it. Empty for results of bounded size, which have no smaller form.
     */
    public Optional<OutboxRecord> smallestForm(OutboxRecord refused) {
        ObjectNode event = (ObjectNode) json.readTree(refused.payload());
        Optional<ResultType> type = ResultType.fromWire(event.path("type").asString(null));
        if (type.isEmpty() || !event.has("data")) {
            return Optional.empty();
        }
        List<Object> shorter = ResultShortening.of(json.treeToValue(event.get("data"), type.get().dataType()));
        if (shorter.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(OutboxRecord.result(refused.topic(), refused.key(), refused.eventId(),
                withData(event, shorter.get(shorter.size() - 1)), refused.headers()));
    }

    /** The data record is written straight into the event's bytes, without a tree in between. */
    private byte[] withData(ObjectNode event, Object data) {
        event.putPOJO("data", data);
        return json.writeValueAsBytes(event);
    }
}
