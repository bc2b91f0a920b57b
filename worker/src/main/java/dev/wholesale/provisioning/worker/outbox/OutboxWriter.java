package dev.wholesale.provisioning.worker.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Writes outbox rows inside the caller's transaction. Call it once, last, per transaction: it
 * takes the sequence row's lock and holds it until commit, which is what makes {@code seq} grow in
 * commit order with no gaps (see ADR 0003).
 */
@Repository
public class OutboxWriter {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public OutboxWriter(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void write(List<OutboxRecord> records, Instant at) {
        List<OutboxRecord> fresh = withoutRepeatedDeadLetters(records);
        if (fresh.isEmpty()) {
            return;
        }
        Long last = jdbc.queryForObject(
                "update outbox_sequence set last_seq = last_seq + ? returning last_seq", Long.class, fresh.size());
        long first = last - fresh.size() + 1;
        Timestamp createdAt = Timestamp.from(at);
        List<Object[]> rows = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            OutboxRecord record = fresh.get(i);
            OutboxRecord.DeadLetterSource source = record.deadLetterSource();
            rows.add(new Object[] {first + i, record.topic(), storable(record.key()), record.eventId(), record.payload(),
                    headersJson(record.headers()), createdAt,
                    source == null ? null : source.topic(), source == null ? null : source.partition(),
                    source == null ? null : source.offset(), source == null ? null : source.valueHash()});
        }
        jdbc.batchUpdate("""
                insert into outbox (seq, topic, record_key, event_id, payload, headers, created_at,
                                    source_topic, source_partition, source_offset, source_hash)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                """, rows);
    }

    /**
     * A record redelivered after a crash between our commit and the consumer's offset commit must
     * not be dead-lettered twice.
     */
    private List<OutboxRecord> withoutRepeatedDeadLetters(List<OutboxRecord> records) {
        List<OutboxRecord> fresh = new ArrayList<>(records.size());
        for (OutboxRecord record : records) {
            OutboxRecord.DeadLetterSource source = record.deadLetterSource();
            if (source == null || !alreadyDeadLettered(source)) {
                fresh.add(record);
            }
        }
        return fresh;
    }

    private boolean alreadyDeadLettered(OutboxRecord.DeadLetterSource source) {
        Boolean exists = jdbc.queryForObject("""
                select exists (select 1 from outbox where source_topic = ? and source_partition = ?
                                                     and source_offset = ? and source_hash = ?)
                """, Boolean.class, source.topic(), source.partition(), source.offset(), source.valueHash());
        return Boolean.TRUE.equals(exists);
    }

    /**
     * PostgreSQL text and jsonb cannot hold NUL, which a Kafka key or header name may contain; such
     * a character is replaced (U+FFFD) rather than letting the write fail and the batch stall.
     */
    private static String storable(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    private String headersJson(List<OutboxRecord.Header> headers) {
        ArrayNode array = json.createArrayNode();
        Base64.Encoder base64 = Base64.getEncoder();
        for (OutboxRecord.Header header : headers) {
            array.addObject()
                    .put("key", storable(header.key()))
                    .put("value", header.value() == null ? null : base64.encodeToString(header.value()));
        }
        return json.writeValueAsString(array);
    }
}
