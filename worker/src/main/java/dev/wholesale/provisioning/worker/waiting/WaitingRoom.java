package dev.wholesale.provisioning.worker.waiting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.wholesale.provisioning.worker.request.ProvisioningRequest;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests whose customer does not exist yet, kept in Postgres in arrival order until the
 * customer is created or the wait times out. Callers hold the customer's lock.
 */
@Repository
public class WaitingRoom {

    public record Parked(long arrivalSeq, String partnerId, String customerExternalId,
                         ObjectNode event) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public WaitingRoom(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void park(ProvisioningRequest request, Instant now, Instant deadline) {
        jdbc.update("""
                insert into waiting_request (partner_id, customer_external_id, request_id, request_type, event,
                                             received_at, deadline)
                values (?, ?, ?, ?, ?, ?, ?)
                """, request.partnerId(), request.customerExternalId(), request.requestId(), request.type().wire(),
                json.writeValueAsBytes(request.event()), Timestamp.from(now),
                Timestamp.from(deadline));
    }

    /** The next page of requests waiting for this customer, in arrival order, after {@code afterSeq}. */
    public List<Parked> waitingFor(String partnerId, String customerExternalId, long afterSeq, int limit) {
        return jdbc.query("""
                select arrival_seq, partner_id, customer_external_id, event from waiting_request
                 where partner_id = ? and customer_external_id = ? and arrival_seq > ? order by arrival_seq limit ?
                """, (row, n) -> parked(row), partnerId, customerExternalId, afterSeq, limit);
    }

    /**
     * How many requests wait for this customer and for this partner's customers, each counted only
     * up to one past its limit, so that the count costs no more than the limits allow.
     */
    public WaitingLimits.Waiting waiting(String partnerId, String customerExternalId, WaitingLimits limits) {
        return jdbc.queryForObject("""
                select (select count(*) from (select 1 from waiting_request
                                                where partner_id = ? and customer_external_id = ? limit ?) c),
                       (select count(*) from (select 1 from waiting_request where partner_id = ? limit ?) p)
                """, (row, n) -> new WaitingLimits.Waiting(row.getInt(1), row.getInt(2)), partnerId, customerExternalId,
                limits.maxPerCustomer() + 1, partnerId, limits.maxPerPartner() + 1);
    }

    /** Which of these customers have requests waiting for them: one query for a whole batch. */
    public Set<CustomerLocks.CustomerKey> customersWaitedForAmong(Collection<CustomerLocks.CustomerKey> customers) {
        Set<CustomerLocks.CustomerKey> found = new HashSet<>();
        if (customers.isEmpty()) {
            return found;
        }
        String[] partners = customers.stream().map(CustomerLocks.CustomerKey::partnerId).toArray(String[]::new);
        String[] externalIds = customers.stream().map(CustomerLocks.CustomerKey::externalId).toArray(String[]::new);
        jdbc.query("""
                select distinct w.partner_id, w.customer_external_id
                  from unnest(?::text[], ?::text[]) as c(partner_id, customer_external_id)
                  join waiting_request w using (partner_id, customer_external_id)
                """, statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("text", partners));
                    statement.setArray(2, statement.getConnection().createArrayOf("text", externalIds));
                }, row -> {
                    found.add(new CustomerLocks.CustomerKey(row.getString(1), row.getString(2)));
                });
        return found;
    }

    public void remove(long arrivalSeq) {
        jdbc.update("delete from waiting_request where arrival_seq = ?", arrivalSeq);
    }

    /** Customers with at least one request whose wait is over. */
    public List<CustomerLocks.CustomerKey> customersWithExpiredWaits(Instant now, int limit) {
        return jdbc.query("""
                select distinct partner_id, customer_external_id from waiting_request where deadline < ? limit ?
                """, (row, n) -> new CustomerLocks.CustomerKey(row.getString(1), row.getString(2)),
                Timestamp.from(now), limit);
    }

    /** Removes and returns up to {@code limit} of this customer's requests whose wait is over, oldest first. */
    public List<Parked> takeExpired(CustomerLocks.CustomerKey customer, Instant now, int limit) {
        return jdbc.query("""
                with expired as (
                    delete from waiting_request where arrival_seq in (
                        select arrival_seq from waiting_request
                         where partner_id = ? and customer_external_id = ? and deadline < ?
                         order by arrival_seq limit ?)
                    returning arrival_seq, partner_id, customer_external_id, event)
                select * from expired order by arrival_seq
                """, (row, n) -> parked(row), customer.partnerId(), customer.externalId(), Timestamp.from(now), limit);
    }

    /** How full the fullest partner's share of the waiting room is, as a fraction of its limit. */
    public double fullestPartnerShare(WaitingLimits limits) {
        Long most = jdbc.queryForObject("""
                select coalesce(max(n), 0) from (select count(*) as n from waiting_request group by partner_id) p
                """, Long.class);
        return most == null ? 0 : (double) most / limits.maxPerPartner();
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from waiting_request", Long.class);
        return count == null ? 0 : count;
    }

    private Parked parked(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Parked(row.getLong("arrival_seq"), row.getString("partner_id"), row.getString("customer_external_id"),
                // Read as the decoder reads requests: numbers exactly, so that the content is the same.
                (ObjectNode) json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(row.getBytes("event")));
    }
}
