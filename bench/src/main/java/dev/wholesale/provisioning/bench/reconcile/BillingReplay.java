package dev.wholesale.provisioning.bench.reconcile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.wholesale.provisioning.bench.reconcile.ReconciliationReport.Anomaly;

import tools.jackson.databind.JsonNode;

/**
 * Rebuilds, from the result events alone and in their topic order, what billing believes: which
 * customers exist, and which users with which package each has. A fact that comes twice, out of
 * order or never shows up here as a mismatch with the events or with the database.
 */
final class BillingReplay {

    /**
     * What billing knows of one customer: its users one by one, and, once a result too large for
     * Kafka was published shortened (it lists fewer users than it counts), users it knows only as a
     * count per package, which is what billing charges from.
     */
    static final class Customer {
        final String partnerId;
        final String externalId;
        boolean active = true;
        final Map<String, String> packageBySubscriber = new HashMap<>();
        final Map<String, Integer> unlistedByPackage = new TreeMap<>();
        /** A shortened update moved users between packages without saying which: only the total is known. */
        boolean packagesUncertain;

        Map<String, Integer> countsByPackage() {
            Map<String, Integer> counts = new TreeMap<>(unlistedByPackage);
            packageBySubscriber.values().forEach(p -> counts.merge(p, 1, Integer::sum));
            counts.values().removeIf(count -> count == 0);
            return counts;
        }

        int total() {
            return countsByPackage().values().stream().mapToInt(Integer::intValue).sum();
        }

        Customer(String partnerId, String externalId) {
            this.partnerId = partnerId;
            this.externalId = externalId;
        }
    }

    private final ReconciliationReport report;
    private final Map<String, Customer> customers = new HashMap<>();

    BillingReplay(ReconciliationReport report) {
        this.report = report;
    }

    Map<String, Customer> customers() {
        return customers;
    }

    long activeUsers() {
        return customers.values().stream().filter(c -> c.active).mapToLong(Customer::total).sum();
    }

    void apply(JsonNode event) {
        JsonNode data = event.path("data");
        String type = event.path("type").asString();
        String customerId = data.path("customerId").asString(null);
        switch (type) {
            case "provisioning.customer.provisioned.v1" -> provisioned(event, data, customerId);
            case "provisioning.users.provisioned.v1", "provisioning.users.updated.v1", "provisioning.users.removed.v1" ->
                    users(type, data, customer(event, customerId));
            case "provisioning.customer.updated.v1" -> upgraded(data, customer(event, customerId));
            case "provisioning.customer.deprovisioned.v1" -> deprovisioned(data, customer(event, customerId));
            default -> { }
        }
    }

    private void provisioned(JsonNode event, JsonNode data, String customerId) {
        if (customers.containsKey(customerId)) {
            report.anomaly(Anomaly.BILLING_MISMATCH, "customer " + customerId + " provisioned twice");
            return;
        }
        Customer customer = new Customer(event.path("partnerid").asString(), data.path("externalId").asString());
        customer.packageBySubscriber.put(data.path("administrator").path("subscriberId").asString(),
                data.path("package").asString());
        customers.put(customerId, customer);
    }

    private Customer customer(JsonNode event, String customerId) {
        Customer customer = customers.get(customerId);
        if (customer == null || !customer.active) {
            report.anomaly(Anomaly.ORDER_VIOLATION, event.path("type").asString() + " " + event.path("id").asString()
                    + " for customer " + customerId + (customer == null ? " before it was provisioned" : " after it was deprovisioned"));
            return null;
        }
        if (!customer.partnerId.equals(event.path("partnerid").asString())) {
            report.anomaly(Anomaly.CROSS_PARTNER_LEAK, "customer " + customerId + " of " + customer.partnerId
                    + " appears in a result for " + event.path("partnerid").asString());
        }
        return customer;
    }

    private void users(String type, JsonNode data, Customer customer) {
        if (customer == null) {
            return;
        }
        if (data.path("shortened").asBoolean(false)) {
            unlisted(type, data, customer);
        }
        for (JsonNode user : data.path("users")) {
            if (!"SUCCEEDED".equals(user.path("outcome").asString())) {
                continue;
            }
            String subscriberId = user.path("subscriberId").asString();
            boolean known = customer.packageBySubscriber.containsKey(subscriberId);
            switch (type) {
                case "provisioning.users.provisioned.v1" -> {
                    if (known) {
                        report.anomaly(Anomaly.BILLING_MISMATCH, "user " + subscriberId + " provisioned twice");
                    }
                    customer.packageBySubscriber.put(subscriberId, user.path("package").asString());
                }
                case "provisioning.users.updated.v1" -> {
                    if (!known) {
                        report.anomaly(Anomaly.BILLING_MISMATCH, "update of unknown user " + subscriberId);
                    }
                    customer.packageBySubscriber.put(subscriberId, user.path("package").asString());
                }
                default -> {
                    if (customer.packageBySubscriber.remove(subscriberId) == null) {
                        report.anomaly(Anomaly.BILLING_MISMATCH, "removal of unknown user " + subscriberId);
                    }
                }
            }
        }
    }

    /** What a shortened result counts but does not list: the counts are complete, the list is not. */
    private static void unlisted(String type, JsonNode data, Customer customer) {
        Map<String, Integer> unlisted = new TreeMap<>();
        data.path("countsPerPackage").properties().forEach(e -> unlisted.put(e.getKey(), e.getValue().asInt()));
        for (JsonNode user : data.path("users")) {
            if ("SUCCEEDED".equals(user.path("outcome").asString())) {
                unlisted.merge(user.path("package").asString(), -1, Integer::sum);
            }
        }
        int sign = switch (type) {
            case "provisioning.users.provisioned.v1" -> 1;
            case "provisioning.users.removed.v1" -> -1;
            default -> 0;
        };
        if (sign == 0) {
            customer.packagesUncertain |= unlisted.values().stream().anyMatch(count -> count != 0);
            return;
        }
        unlisted.forEach((servicePackage, count) -> customer.unlistedByPackage.merge(servicePackage, sign * count, Integer::sum));
    }

    private void upgraded(JsonNode data, Customer customer) {
        if (customer != null && data.path("changes").has("package")) {
            customer.packageBySubscriber.put(data.path("administrator").path("subscriberId").asString(),
                    data.path("changes").path("package").path("after").asString());
        }
    }

    private void deprovisioned(JsonNode data, Customer customer) {
        if (customer == null) {
            return;
        }
        Map<String, Integer> expected = customer.countsByPackage();
        Map<String, Integer> reported = new TreeMap<>();
        data.path("usersRemoved").properties().forEach(e -> reported.put(e.getKey(), e.getValue().asInt()));
        boolean same = customer.packagesUncertain
                ? expected.values().stream().mapToInt(Integer::intValue).sum()
                        == reported.values().stream().mapToInt(Integer::intValue).sum()
                : expected.equals(reported);
        if (!same) {
            report.anomaly(Anomaly.BILLING_MISMATCH, "customer " + customer.externalId + " deprovisioned with "
                    + reported + " users removed, the results before said " + expected);
        }
        customer.packageBySubscriber.clear();
        customer.unlistedByPackage.clear();
        customer.active = false;
    }

    /** The database must hold exactly what the results say. */
    void compareWith(Connection db) throws SQLException {
        Map<String, String[]> stored = new HashMap<>();
        query(db, "select id, partner_id, state from customer", row -> stored.put(row.getString(1),
                new String[] {row.getString(2), row.getString(3)}));
        Map<String, Map<String, String>> subscribers = new HashMap<>();
        query(db, "select customer_id, id, package from subscriber", row ->
                subscribers.computeIfAbsent(row.getString(1), k -> new HashMap<>()).put(row.getString(2), row.getString(3)));
        for (String customerId : stored.keySet()) {
            if (!customers.containsKey(customerId)) {
                report.anomaly(Anomaly.DATABASE_MISMATCH, "customer " + customerId + " is in the database but no result says so");
            }
        }
        customers.forEach((customerId, customer) -> {
            String[] row = stored.get(customerId);
            if (row == null) {
                report.anomaly(Anomaly.DATABASE_MISMATCH, "customer " + customerId + " was provisioned but is not in the database");
                return;
            }
            if (!row[0].equals(customer.partnerId)) {
                report.anomaly(Anomaly.CROSS_PARTNER_LEAK, "customer " + customerId + " belongs to " + row[0]
                        + " in the database, to " + customer.partnerId + " in the results");
            }
            if (customer.active != "ACTIVE".equals(row[1])) {
                report.anomaly(Anomaly.DATABASE_MISMATCH, "customer " + customerId + " is " + row[1] + " in the database");
            }
            Map<String, String> inDatabase = subscribers.getOrDefault(customerId, Map.of());
            if (!customer.unlistedByPackage.isEmpty() || customer.packagesUncertain) {
                compareCounts(customer, inDatabase);
            } else if (!inDatabase.equals(customer.packageBySubscriber)) {
                report.anomaly(Anomaly.DATABASE_MISMATCH, "customer " + customer.externalId + ": results say "
                        + customer.packageBySubscriber.size() + " users, the database holds " + inDatabase.size()
                        + (inDatabase.size() == customer.packageBySubscriber.size() ? " (packages differ)" : ""));
            }
        });
    }

    /** For a customer billing knows partly by counts, the counts must match. */
    private void compareCounts(Customer customer, Map<String, String> inDatabase) {
        Map<String, Integer> stored = new TreeMap<>();
        inDatabase.values().forEach(p -> stored.merge(p, 1, Integer::sum));
        boolean same = customer.packagesUncertain ? stored.values().stream().mapToInt(Integer::intValue).sum() == customer.total()
                : stored.equals(customer.countsByPackage());
        if (!same) {
            report.anomaly(Anomaly.DATABASE_MISMATCH, "customer " + customer.externalId + ": results count "
                    + customer.countsByPackage() + " users by package, the database holds " + stored);
        }
    }

    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    private static void query(Connection db, String sql, RowHandler handler) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                handler.handle(rows);
            }
        }
    }
}
