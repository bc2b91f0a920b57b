package dev.wholesale.provisioning.worker.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's view of the outbox: what is still to publish, and moving the watermark below which
 * everything is published. The relay publishes in seq order and seq has no gaps (see
 * {@link OutboxWriter}), so the rows above the watermark are exactly those still to publish.
 */
@Repository
public class PendingRecords {

    public record Pending(long seq, OutboxRecord record) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public PendingRecords(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Pending> next(int limit) {
        return jdbc.query("""
                select seq, topic, record_key, event_id, payload, headers::text
                  from outbox where seq > (select up_to_seq from outbox_published) order by seq limit ?
                """, (row, n) -> new Pending(row.getLong(1), OutboxRecord.result(row.getString(2), row.getString(3),
                row.getString(4), row.getBytes(5), headers(row.getString(6)))), limit);
    }

    /**
     * Everything up to {@code seq} is in Kafka. Never moves back: a relay that lost its lock after
     * committing to Kafka may say so after its successor, which read Kafka, said more.
     */
    public void markPublishedUpTo(long seq, Instant at) {
        jdbc.update("update outbox_published set up_to_seq = ?, at = ? where up_to_seq < ?", seq, Timestamp.from(at), seq);
    }

    /** The highest seq known to be in Kafka. */
    public long publishedUpTo() {
        return jdbc.queryForObject("select up_to_seq from outbox_published", Long.class);
    }

    /** Whether the outbox row of the record's seq is the one the record was published from. */
    boolean holds(PublishedWatermark.Published record) {
        List<Boolean> same = jdbc.query("select topic, record_key, payload from outbox where seq = ?",
                (row, n) -> Objects.equals(row.getString(1), record.topic()) && Objects.equals(row.getString(2), record.key())
                        && Arrays.equals(row.getBytes(3), record.value()), record.seq());
        return same.contains(true);
    }

    /** Rows written and not yet published: seq has no gaps, so no rows need counting. */
    public long countPending() {
        Long count = jdbc.queryForObject(
                "select (select last_seq from outbox_sequence) - (select up_to_seq from outbox_published)", Long.class);
        return count == null ? 0 : count;
    }

    private List<OutboxRecord.Header> headers(String headersJson) {
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
