package dev.wholesale.provisioning.worker.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    /** Takes the rows of a batch one by one, as they come from the database. */
    @FunctionalInterface
    public interface RowHandler {
        void accept(Pending row);
    }

    /** Rows come from the server this many at a time, so that a batch is never all in memory at once. */
    private static final int FETCH_ROWS = 100;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final JsonMapper json;

    public PendingRecords(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions,
                          JsonMapper json) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH_ROWS);
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.json = json;
    }

    /**
     * Hands the next rows above the watermark to {@code handler} in seq order, as they are read
     * (pgjdbc fetches in slices only inside a transaction): at most {@code rows} rows, and no more
     * once {@code maxBytes} of payload came before (so always the first row, however large), and
     * only rows below {@code belowSeq}. Returns how many rows it handed over.
     */
    public int stream(int rows, long maxBytes, long belowSeq, RowHandler handler) {
        Integer handed = readOnly.execute(status -> {
            int[] count = {0};
            // octet_length of a payload stored out of line reads its TOAST pointer, not the value;
            // rows past the byte bound are left out before any payload is read.
            streaming.query("""
                    select seq, topic, record_key, event_id, payload, headers::text from (
                        select seq, topic, record_key, event_id, payload, headers,
                               sum(coalesce(octet_length(payload), 0)) over (order by seq)
                                   - coalesce(octet_length(payload), 0) as bytes_before
                          from outbox
                         where seq > (select up_to_seq from outbox_published) and seq < ?
                         order by seq limit ?) batch
                     where bytes_before < ?
                     order by seq
                    """, row -> {
                        handler.accept(new Pending(row.getLong(1), OutboxRecord.result(row.getString(2), row.getString(3),
                                row.getString(4), row.getBytes(5), StoredHeaders.fromJson(json, row.getString(6)))));
                        count[0]++;
                    }, belowSeq, rows, maxBytes);
            return count[0];
        });
        return handed == null ? 0 : handed;
    }

    /** The row of this seq, if it is still to publish. */
    public Optional<Pending> pending(long seq) {
        return jdbc.query("""
                select seq, topic, record_key, event_id, payload, headers::text from outbox
                 where seq = ? and seq > (select up_to_seq from outbox_published)
                """, (row, n) -> new Pending(row.getLong(1), OutboxRecord.result(row.getString(2), row.getString(3),
                row.getString(4), row.getBytes(5), StoredHeaders.fromJson(json, row.getString(6)))), seq)
                .stream().findFirst();
    }

    /** Puts a record Kafka refused for good in its smaller form, to be published in its place. */
    public void replace(long seq, OutboxRecord smaller) {
        jdbc.update("update outbox set record_key = ?, payload = ?, headers = ?::jsonb where seq = ?",
                StoredHeaders.storable(smaller.key()), smaller.payload(), StoredHeaders.toJson(json, smaller.headers()), seq);
    }

    /**
     * Everything up to {@code seq} is in Kafka. Never moves back: a relay that lost its lease after
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

    /**
     * How long the oldest row not yet published has waited, in seconds; 0 when everything is
     * published. Unlike the count, it grows while results do not flow even under light load.
     */
    public double oldestPendingSeconds() {
        List<Double> age = jdbc.queryForList("""
                select extract(epoch from now() - created_at) from outbox
                 where seq = (select up_to_seq + 1 from outbox_published)
                """, Double.class);
        return age.isEmpty() || age.get(0) == null ? 0 : Math.max(0, age.get(0));
    }

    /** Rows written and not yet published: seq has no gaps, so no rows need counting. */
    public long countPending() {
        Long count = jdbc.queryForObject(
                "select (select last_seq from outbox_sequence) - (select up_to_seq from outbox_published)", Long.class);
        return count == null ? 0 : count;
    }
}
