package dev.wholesale.provisioning.worker.customer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;
import dev.wholesale.provisioning.worker.waiting.CustomerLocks.CustomerKey;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Customers, always looked up within their partner. */
@Repository
public class CustomerRepository {

    private static final TypeReference<Map<ServicePackage, Integer>> LIMITS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public CustomerRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Customer> findActive(String partnerId, String externalId) {
        return jdbc.query("select * from customer where partner_id = ? and external_id = ? and state = 'ACTIVE'",
                (row, n) -> customer(row), partnerId, externalId).stream().findFirst();
    }

    /** Which of these customers are live, found in one round trip. */
    public Set<CustomerKey> activeAmong(Collection<CustomerKey> keys) {
        Set<CustomerKey> active = new HashSet<>();
        if (keys.isEmpty()) {
            return active;
        }
        jdbc.query("""
                select c.partner_id, c.external_id
                  from unnest(?::text[], ?::text[]) as k(partner_id, external_id)
                  join customer c on c.partner_id = k.partner_id and c.external_id = k.external_id
                 where c.state = 'ACTIVE'
                """, statement -> {
                    Connection connection = statement.getConnection();
                    statement.setArray(1, connection.createArrayOf("text",
                            keys.stream().map(CustomerKey::partnerId).toArray()));
                    statement.setArray(2, connection.createArrayOf("text",
                            keys.stream().map(CustomerKey::externalId).toArray()));
                }, row -> {
                    active.add(new CustomerKey(row.getString(1), row.getString(2)));
                });
        return active;
    }

    /** Adds new live customers in one round trip. */
    public void insert(List<Customer> created, Instant now) {
        if (created.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("""
                insert into customer (id, partner_id, external_id, provisioning_id, name, primary_email, language, package,
                                      package_limits, region, headquarters_location_id, administrator_id, state,
                                      created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 'ACTIVE', ?, ?)
                """, created, created.size(), (statement, customer) -> {
            statement.setObject(1, customer.id());
            statement.setString(2, customer.partnerId());
            statement.setString(3, customer.externalId());
            statement.setObject(4, customer.provisioningId());
            statement.setString(5, customer.name());
            statement.setString(6, customer.primaryEmail());
            statement.setString(7, customer.language());
            statement.setString(8, customer.servicePackage().wire());
            statement.setString(9, limitsJson(customer.packageLimits()));
            statement.setString(10, customer.region().name());
            statement.setObject(11, customer.headquartersLocationId());
            statement.setObject(12, customer.administratorId());
            statement.setTimestamp(13, at);
            statement.setTimestamp(14, at);
        });
    }

    public void update(Customer customer, Instant now) {
        jdbc.update("""
                update customer set name = ?, package = ?, package_limits = ?::jsonb, updated_at = ?
                 where id = ? and partner_id = ?
                """, customer.name(), customer.servicePackage().wire(), limitsJson(customer.packageLimits()),
                Timestamp.from(now), customer.id(), customer.partnerId());
    }

    public void markDeprovisioned(Customer customer, Instant now) {
        jdbc.update("""
                update customer set state = 'DEPROVISIONED', deprovisioned_at = ?, updated_at = ?
                 where id = ? and partner_id = ?
                """, Timestamp.from(now), Timestamp.from(now), customer.id(), customer.partnerId());
    }

    private String limitsJson(Map<ServicePackage, Integer> limits) {
        return limits == null ? null : json.writeValueAsString(limits);
    }

    private Customer customer(ResultSet row) throws SQLException {
        String limits = row.getString("package_limits");
        return new Customer(row.getObject("id", java.util.UUID.class), row.getString("partner_id"),
                row.getString("external_id"), row.getObject("provisioning_id", java.util.UUID.class),
                row.getString("name"), row.getString("primary_email"), row.getString("language"),
                ServicePackage.fromWire(row.getString("package")),
                limits == null ? null : new EnumMap<>(json.readValue(limits, LIMITS)),
                Region.valueOf(row.getString("region")), row.getObject("headquarters_location_id", java.util.UUID.class),
                row.getObject("administrator_id", java.util.UUID.class));
    }
}
