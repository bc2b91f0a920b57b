package dev.wholesale.provisioning.worker.idempotency;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code request_log} table: every request id each partner has sent, with its content hash. */
@Repository
public class RequestLog {

    public record Entry(byte[] contentHash, boolean original) {
    }

    public enum State { WAITING, COMPLETED }

    /** A row to add; {@code resultEventId} is null while the request waits. */
    public record NewEntry(RequestKey key, byte[] contentHash, String requestType, boolean original, State state,
                           UUID resultEventId, Instant at) {
    }

    private final JdbcTemplate jdbc;

    public RequestLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What is recorded for these keys, fetched in one round trip. */
    public Map<RequestKey, List<Entry>> lookup(Collection<RequestKey> keys) {
        Map<RequestKey, List<Entry>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String[] partners = keys.stream().map(RequestKey::partnerId).toArray(String[]::new);
        String[] requests = keys.stream().map(RequestKey::requestId).toArray(String[]::new);
        jdbc.query("""
                select l.partner_id, l.request_id, l.content_hash, l.is_original
                  from request_log l
                  join unnest(?, ?) as k(partner_id, request_id)
                    on l.partner_id = k.partner_id and l.request_id = k.request_id
                """,
                statement -> {
                    Array partnerArray = statement.getConnection().createArrayOf("text", partners);
                    Array requestArray = statement.getConnection().createArrayOf("text", requests);
                    statement.setArray(1, partnerArray);
                    statement.setArray(2, requestArray);
                },
                row -> {
                    RequestKey key = new RequestKey(row.getString(1), row.getString(2));
                    found.computeIfAbsent(key, k -> new ArrayList<>()).add(new Entry(row.getBytes(3), row.getBoolean(4)));
                });
        return found;
    }

    public void insert(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into request_log (partner_id, request_id, content_hash, request_type, is_original, state,
                                         result_event_id, received_at, completed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, entries, entries.size(), (statement, entry) -> {
            Timestamp at = Timestamp.from(entry.at());
            statement.setString(1, entry.key().partnerId());
            statement.setString(2, entry.key().requestId());
            statement.setBytes(3, entry.contentHash());
            statement.setString(4, entry.requestType());
            statement.setBoolean(5, entry.original());
            statement.setString(6, entry.state().name());
            statement.setObject(7, entry.resultEventId());
            statement.setTimestamp(8, at);
            statement.setTimestamp(9, entry.state() == State.COMPLETED ? at : null);
        });
    }

    /** A waiting request got its result at last. */
    public void complete(RequestKey key, UUID resultEventId, Instant at) {
        jdbc.update("""
                update request_log set state = 'COMPLETED', result_event_id = ?, completed_at = ?
                 where partner_id = ? and request_id = ? and is_original and state = 'WAITING'
                """, resultEventId, Timestamp.from(at), key.partnerId(), key.requestId());
    }

    /** Forgets completed requests older than the idempotency window. */
    public int purgeCompletedBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                delete from request_log where ctid = any (array(
                    select ctid from request_log where completed_at < ? limit ?))
                """, Timestamp.from(cutoff), limit);
    }
}
