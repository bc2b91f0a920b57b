package dev.wholesale.provisioning.worker.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Read-only lookups for the status API; every query is scoped by partner. */
@Repository
public class StatusQueries {

    public record RequestStatus(String requestId, String requestType, String state, Instant receivedAt,
                                Instant completedAt, UUID resultEventId, int refusedReuses) {
    }

    public record CustomerView(UUID customerId, String externalId, String name, String servicePackage, String region,
                               String provisioningId, String state, Instant createdAt) {
    }

    public record LocationView(UUID locationId, String name, String country, String city, String timezone) {
    }

    public record UserView(UUID subscriberId, String email, String firstName, String lastName, String servicePackage,
                           UUID locationId, String primaryPhoneNumber, String extension, boolean administrator) {
    }

    private final JdbcTemplate jdbc;

    public StatusQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RequestStatus> request(String partnerId, String requestId) {
        return jdbc.query("""
                select request_id, request_type, state, received_at, completed_at, result_event_id,
                       (select count(*) from request_log r where r.partner_id = l.partner_id
                                                              and r.request_id = l.request_id and not r.is_original)
                  from request_log l where partner_id = ? and request_id = ? and is_original
                """, (row, n) -> new RequestStatus(row.getString(1), row.getString(2), row.getString(3),
                instant(row, 4), instant(row, 5), row.getObject(6, UUID.class), row.getInt(7)), partnerId, requestId)
                .stream().findFirst();
    }

    /** The published result event, while the retention window keeps it. */
    public Optional<byte[]> resultEvent(UUID eventId) {
        return jdbc.query("select payload from outbox where event_id = ?", (row, n) -> row.getBytes(1),
                eventId.toString()).stream().findFirst();
    }

    public Optional<CustomerView> customer(String partnerId, String externalId) {
        return jdbc.query("""
                select id, external_id, name, package, region, provisioning_id, state, created_at from customer
                 where partner_id = ? and external_id = ? order by (state = 'ACTIVE') desc, created_at desc limit 1
                """, (row, n) -> new CustomerView(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), row.getString(7), instant(row, 8)),
                partnerId, externalId).stream().findFirst();
    }

    public List<LocationView> locations(UUID customerId) {
        return jdbc.query("select id, name, country, city, timezone from location where customer_id = ? order by name",
                (row, n) -> new LocationView(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5)), customerId);
    }

    public List<UserView> users(UUID customerId, int offset, int limit) {
        return jdbc.query("""
                select id, email, first_name, last_name, package, location_id, phone_number, extension, is_administrator
                  from subscriber where customer_id = ? order by email limit ? offset ?
                """, (row, n) -> new UserView(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), row.getObject(6, UUID.class), row.getString(7), row.getString(8),
                row.getBoolean(9)), customerId, limit, offset);
    }

    public long countUsers(UUID customerId) {
        Long count = jdbc.queryForObject("select count(*) from subscriber where customer_id = ?", Long.class, customerId);
        return count == null ? 0 : count;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        java.sql.Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Map<String, Object> page(int page, int size, long total, List<?> items) {
        return Map.of("page", page, "size", size, "total", total, "items", items);
    }
}
