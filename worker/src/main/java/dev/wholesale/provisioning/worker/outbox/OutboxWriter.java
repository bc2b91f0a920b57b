package dev.wholesale.provisioning.worker.outbox;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes outbox rows inside the caller's transaction. Call it once, last, per transaction: it
 * takes the sequence row's lock and holds it until commit, which is what makes {@code seq} grow in
 * commit order with no gaps (see ADR 0003).
 */
@Repository
public class OutboxWriter {

    private static final Logger log = LoggerFactory.getLogger(OutboxWriter.class);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final PublishableSize publishable;
    private final SmallerForm smallerForm;

    public OutboxWriter(JdbcTemplate jdbc, JsonMapper json, PublishableSize publishable, SmallerForm smallerForm) {
        this.jdbc = jdbc;
        this.json = json;
        this.publishable = publishable;
        this.smallerForm = smallerForm;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void write(List<OutboxRecord> records, Instant at) {
        List<OutboxRecord> fresh = publishable(withoutRepeatedDeadLetters(records));
        if (fresh.isEmpty()) {
            return;
        }
        int size = fresh.size();
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] eventIds = new String[size];
        byte[][] payloads = new byte[size][];
        String[] headers = new String[size];
        String[] sourceTopics = new String[size];
        Integer[] sourcePartitions = new Integer[size];
        Long[] sourceOffsets = new Long[size];
        byte[][] sourceHashes = new byte[size][];
        for (int i = 0; i < size; i++) {
            OutboxRecord record = fresh.get(i);
            topics[i] = record.topic();
            keys[i] = StoredHeaders.storable(record.key());
            eventIds[i] = record.eventId();
            payloads[i] = record.payload();
            headers[i] = StoredHeaders.toJson(json, record.headers());
            OutboxRecord.DeadLetterSource source = record.deadLetterSource();
            if (source != null) {
                sourceTopics[i] = source.topic();
                sourcePartitions[i] = source.partition();
                sourceOffsets[i] = source.offset();
                sourceHashes[i] = source.valueHash();
            }
        }
        // One round trip: the sequence row's lock is taken by the statement that also inserts, so it
        // is held for the commit alone. Rows are numbered in list order (ordinality).
        int inserted = jdbc.update("""
                with block as (update outbox_sequence set last_seq = last_seq + ? returning last_seq)
                insert into outbox (seq, topic, record_key, event_id, payload, headers, created_at,
                                    source_topic, source_partition, source_offset, source_hash)
                select block.last_seq - ? + r.n, r.topic, r.record_key, r.event_id, r.payload, r.headers::jsonb, ?,
                       r.source_topic, r.source_partition, r.source_offset, r.source_hash
                  from block,
                       unnest(?::text[], ?::text[], ?::text[], ?::bytea[], ?::text[], ?::text[], ?::int[], ?::bigint[],
                              ?::bytea[])
                           with ordinality as r(topic, record_key, event_id, payload, headers, source_topic,
                                                source_partition, source_offset, source_hash, n)
                """, statement -> {
                    Connection connection = statement.getConnection();
                    statement.setInt(1, size);
                    statement.setInt(2, size);
                    statement.setTimestamp(3, Timestamp.from(at));
                    statement.setArray(4, connection.createArrayOf("text", topics));
                    statement.setArray(5, connection.createArrayOf("text", keys));
                    statement.setArray(6, connection.createArrayOf("text", eventIds));
                    statement.setArray(7, connection.createArrayOf("bytea", payloads));
                    statement.setArray(8, connection.createArrayOf("text", headers));
                    statement.setArray(9, connection.createArrayOf("text", sourceTopics));
                    statement.setArray(10, connection.createArrayOf("int4", sourcePartitions));
                    statement.setArray(11, connection.createArrayOf("int8", sourceOffsets));
                    statement.setArray(12, connection.createArrayOf("bytea", sourceHashes));
                });
        if (inserted != size) {
            throw new IllegalStateException("the outbox took " + inserted + " of " + size + " rows; is outbox_sequence empty?");
        }
    }

    /**
     * Every row must be one the relay can publish, or it would hold up every result behind it.
     * Results and dead letters are built to fit; one that does not anyway (a defect) is replaced by
     * its smaller form here rather than found by the relay.
     */
    private List<OutboxRecord> publishable(List<OutboxRecord> records) {
        List<OutboxRecord> checked = new ArrayList<>(records.size());
        for (OutboxRecord record : records) {
            if (publishable.fits(record)) {
                checked.add(record);
                continue;
            }
            OutboxRecord smaller = smallerForm.of(record).filter(publishable::fits).orElseThrow(() ->
                    new IllegalStateException("a record for " + record.topic() + " of " + PublishableSize.sizeOf(record)
                            + " bytes does not fit its limit of " + publishable.limitFor(record.topic())
                            + " bytes, and has no smaller form that does"));
            log.error("A record for {} of {} bytes does not fit its limit of {} bytes; its smaller form of {} bytes is"
                    + " written instead", record.topic(), PublishableSize.sizeOf(record), publishable.limitFor(record.topic()),
                    PublishableSize.sizeOf(smaller));
            checked.add(smaller);
        }
        return checked;
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
}
