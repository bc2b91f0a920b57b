package dev.wholesale.provisioning.worker.subscriber;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/**
 * The subscriber table, queried a set at a time: a request of a thousand users costs a handful
 * of round trips, not thousands.
 */
@Repository
public class Subscribers {

    private final JdbcTemplate jdbc;

    public Subscribers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of these (lower-case) e-mails any user anywhere already has. */
    public Set<String> emailsInUse(Collection<String> emails) {
        return existing("select email from subscriber where email = any(?)", emails);
    }

    public Set<String> phoneNumbersInUse(Collection<String> numbers) {
        return existing("select phone_number from subscriber where phone_number = any(?)", numbers);
    }

    /** Extensions taken at a location. */
    public Set<String> extensionsInUse(UUID locationId, Collection<String> extensions) {
        if (extensions.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        jdbc.query("select extension from subscriber where location_id = ? and extension = any(?)",
                statement -> {
                    statement.setObject(1, locationId);
                    statement.setArray(2, textArray(statement.getConnection(), extensions));
                },
                row -> {
                    found.add(row.getString(1));
                });
        return found;
    }

    public Map<ServicePackage, Integer> countByPackage(UUID customerId) {
        Map<ServicePackage, Integer> counts = new EnumMap<>(ServicePackage.class);
        jdbc.query("select package, count(*) from subscriber where customer_id = ? group by package",
                row -> {
                    counts.put(ServicePackage.fromWire(row.getString(1)), row.getInt(2));
                }, customerId);
        return counts;
    }

    /** This customer's users with these (lower-case) e-mails, by e-mail. */
    public Map<String, Subscriber> findByEmails(UUID customerId, Collection<String> emails) {
        Map<String, Subscriber> found = new HashMap<>();
        if (emails.isEmpty()) {
            return found;
        }
        jdbc.query("select * from subscriber where customer_id = ? and email = any(?)",
                statement -> {
                    statement.setObject(1, customerId);
                    statement.setArray(2, textArray(statement.getConnection(), emails));
                },
                row -> {
                    Subscriber subscriber = subscriber(row);
                    found.put(subscriber.email(), subscriber);
                });
        return found;
    }

    public Subscriber administratorOf(UUID customerId) {
        return jdbc.queryForObject("select * from subscriber where customer_id = ? and is_administrator",
                (row, n) -> subscriber(row), customerId);
    }

    public void insert(List<Subscriber> subscribers, Instant now) {
        if (subscribers.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("""
                insert into subscriber (id, customer_id, location_id, email, first_name, last_name, package, phone_number,
                                        extension, is_administrator, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, subscribers, subscribers.size(), (statement, s) -> {
            statement.setObject(1, s.id());
            statement.setObject(2, s.customerId());
            statement.setObject(3, s.locationId());
            statement.setString(4, s.email());
            statement.setString(5, s.firstName());
            statement.setString(6, s.lastName());
            statement.setString(7, s.servicePackage().wire());
            statement.setString(8, s.phoneNumber());
            statement.setString(9, s.extension());
            statement.setBoolean(10, s.administrator());
            statement.setTimestamp(11, at);
            statement.setTimestamp(12, at);
        });
    }

    public void update(Subscriber s, Instant now) {
        jdbc.update("""
                update subscriber set location_id = ?, package = ?, phone_number = ?, extension = ?, updated_at = ?
                 where id = ? and customer_id = ?
                """, s.locationId(), s.servicePackage().wire(), s.phoneNumber(), s.extension(), Timestamp.from(now),
                s.id(), s.customerId());
    }

    /** The administrator moves with the customer's package. */
    public void changeAdministratorPackage(UUID customerId, ServicePackage servicePackage, Instant now) {
        jdbc.update("update subscriber set package = ?, updated_at = ? where customer_id = ? and is_administrator",
                servicePackage.wire(), Timestamp.from(now), customerId);
    }

    public void delete(UUID customerId, Collection<UUID> ids) {
        jdbc.update("delete from subscriber where customer_id = ? and id = any(?)", statement -> {
            statement.setObject(1, customerId);
            statement.setArray(2, statement.getConnection().createArrayOf("uuid", ids.toArray()));
        });
    }

    /** Removes every user of a customer; returns how many had each package. */
    /** What of a users request is already taken in the store: e-mails and numbers anywhere, extensions per location. */
    public record Taken(Set<String> emails, Set<String> phoneNumbers, Set<LocationExtension> extensions) {
    }

    public record LocationExtension(UUID locationId, String extension) {
    }

    /** One statement for the three checks of a users request, instead of one per kind and location. */
    public Taken taken(Collection<String> emails, Collection<String> phoneNumbers, Collection<LocationExtension> extensions) {
        Taken taken = new Taken(new HashSet<>(), new HashSet<>(), new HashSet<>());
        if (emails.isEmpty() && phoneNumbers.isEmpty() && extensions.isEmpty()) {
            return taken;
        }
        jdbc.query("""
                select 'e' as kind, email as value, null::uuid as location_id from subscriber where email = any(?)
                union all
                select 'p', phone_number, null from subscriber where phone_number = any(?)
                union all
                select 'x', s.extension, s.location_id
                  from unnest(?::uuid[], ?::text[]) as wanted(location_id, extension)
                  join subscriber s on s.location_id = wanted.location_id and s.extension = wanted.extension
                """, statement -> {
                    java.sql.Connection connection = statement.getConnection();
                    statement.setArray(1, textArray(connection, emails));
                    statement.setArray(2, textArray(connection, phoneNumbers));
                    statement.setArray(3, connection.createArrayOf("uuid",
                            extensions.stream().map(LocationExtension::locationId).toArray()));
                    statement.setArray(4, textArray(connection, extensions.stream().map(LocationExtension::extension).toList()));
                }, row -> {
                    switch (row.getString("kind")) {
                        case "e" -> taken.emails().add(row.getString("value"));
                        case "p" -> taken.phoneNumbers().add(row.getString("value"));
                        default -> taken.extensions().add(new LocationExtension(row.getObject("location_id", UUID.class),
                                row.getString("value")));
                    }
                });
        return taken;
    }

    public Map<ServicePackage, Integer> deleteAllOf(UUID customerId) {
        Map<ServicePackage, Integer> removed = new EnumMap<>(ServicePackage.class);
        jdbc.query("""
                with removed as (delete from subscriber where customer_id = ? returning package)
                select package, count(*) from removed group by package
                """, row -> {
                    removed.put(ServicePackage.fromWire(row.getString(1)), row.getInt(2));
                }, customerId);
        return removed;
    }

    private Set<String> existing(String sql, Collection<String> values) {
        Set<String> found = new HashSet<>();
        if (values.isEmpty()) {
            return found;
        }
        jdbc.query(sql, statement -> statement.setArray(1, textArray(statement.getConnection(), values)),
                row -> {
                    found.add(row.getString(1));
                });
        return found;
    }

    private static Array textArray(java.sql.Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static Subscriber subscriber(ResultSet row) throws SQLException {
        return new Subscriber(row.getObject("id", UUID.class), row.getObject("customer_id", UUID.class),
                row.getObject("location_id", UUID.class), row.getString("email"), row.getString("first_name"),
                row.getString("last_name"), ServicePackage.fromWire(row.getString("package")),
                row.getString("phone_number"), row.getString("extension"), row.getBoolean("is_administrator"));
    }
}
