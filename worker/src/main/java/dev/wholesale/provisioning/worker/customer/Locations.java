package dev.wholesale.provisioning.worker.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.wholesale.provisioning.contracts.customer.Address;
import dev.wholesale.provisioning.contracts.customer.Location;

/** A customer's locations (its headquarters and branch offices). */
@Repository
public class Locations {

    /** What users need to know of a location: its id and country (which their phone numbers must match). */
    public record Site(UUID id, String name, String country) {
    }

    private final JdbcTemplate jdbc;

    public Locations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Site> byName(UUID customerId) {
        Map<String, Site> sites = new HashMap<>();
        jdbc.query("select id, name, country from location where customer_id = ?",
                row -> {
                    Site site = new Site(row.getObject(1, UUID.class), row.getString(2), row.getString(3));
                    sites.put(site.name(), site);
                }, customerId);
        return sites;
    }

    /** A location to add; its language is the location's own or else its customer's. */
    public record NewLocation(UUID id, UUID customerId, Location location, String language) {
        public static NewLocation of(UUID id, UUID customerId, Location location, String customerLanguage) {
            return new NewLocation(id, customerId, location,
                    location.language() != null ? location.language() : customerLanguage);
        }
    }

    /** Adds locations, of one customer or several, in one round trip. */
    public void insert(List<NewLocation> locations, Instant now) {
        if (locations.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("""
                insert into location (id, customer_id, name, address_line1, address_line2, city, state_or_province,
                                      zip_or_postal_code, country, timezone, language, emergency_location_identifier,
                                      created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, locations, locations.size(), (statement, added) -> {
            Location location = added.location();
            Address address = location.address();
            statement.setObject(1, added.id());
            statement.setObject(2, added.customerId());
            statement.setString(3, location.name());
            statement.setString(4, address.addressLine1());
            statement.setString(5, address.addressLine2());
            statement.setString(6, address.city());
            statement.setString(7, address.stateOrProvince());
            statement.setString(8, address.zipOrPostalCode());
            statement.setString(9, address.country());
            statement.setString(10, location.timezone());
            statement.setString(11, added.language());
            statement.setString(12, location.emergencyLocationIdentifier());
            statement.setTimestamp(13, at);
        });
    }

    public void deleteAllOf(UUID customerId) {
        jdbc.update("delete from location where customer_id = ?", customerId);
    }
}
