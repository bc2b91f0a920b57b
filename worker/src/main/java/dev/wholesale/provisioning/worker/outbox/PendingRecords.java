package dev.wholesale.provisioning.worker.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The relay's view of the outbox: what is still to publish, and marking what was published. */
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
                  from outbox where published_at is null order by seq limit ?
                """, (row, n) -> new Pending(row.getLong(1), OutboxRecord.result(row.getString(2), row.getString(3),
                row.getString(4), row.getBytes(5), headers(row.getString(6)))), limit);
    }

    public void markPublished(long fromSeq, long toSeq, Instant at) {
        jdbc.update("update outbox set published_at = ? where seq between ? and ? and published_at is null",
                Timestamp.from(at), fromSeq, toSeq);
    }

    /** After a relay crash: everything Kafka already holds is published, whatever the table says. */
    public int markPublishedUpTo(long seq, Instant at) {
        return jdbc.update("update outbox set published_at = ? where seq <= ? and published_at is null",
                Timestamp.from(at), seq);
    }

    public long countPending() {
        Long count = jdbc.queryForObject("select count(*) from outbox where published_at is null", Long.class);
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
