package dev.wholesale.provisioning.worker.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

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

    public void insert(Customer customer, Instant now) {
        jdbc.update("""
                insert into customer (id, partner_id, external_id, provisioning_id, name, primary_email, language, package,
                                      package_limits, region, headquarters_location_id, administrator_id, state,
                                      created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 'ACTIVE', ?, ?)
                """, customer.id(), customer.partnerId(), customer.externalId(), customer.provisioningId(),
                customer.name(), customer.primaryEmail(), customer.language(), customer.servicePackage().wire(),
                limitsJson(customer.packageLimits()), customer.region().name(), customer.headquartersLocationId(),
                customer.administratorId(), Timestamp.from(now), Timestamp.from(now));
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
