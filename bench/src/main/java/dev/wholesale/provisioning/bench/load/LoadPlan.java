package dev.wholesale.provisioning.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.wholesale.provisioning.contracts.catalogue.Topics;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A reproducible mix of requests as ordering systems would send them during a migration: per
 * partner a template, then per customer its creation, users in batches, changes, removals, now and
 * then an upgrade or a deprovisioning. Customers are interleaved at random while each customer's
 * own requests keep their order; some users requests are sent before their customer, some records
 * twice, some ids reused with other content, some requests are invalid.
 */
public final class LoadPlan {

    public record PlannedRecord(String topic, String key, byte[] value) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Random random;
    private final String templateName;

    private LoadPlan(long seed, String runId) {
        this.random = new Random(seed);
        this.templateName = "Load " + runId;
    }

    /**
     * @param provisioningIdOf the provisioning id of each partner's template (they must exist first)
     */
    public static List<PlannedRecord> customers(long seed, String runId, Map<String, String> provisioningIdOf,
                                                int customersPerPartner) {
        return new LoadPlan(seed, runId).plan(runId, provisioningIdOf, customersPerPartner);
    }

    public static PlannedRecord template(String partner, String runId) {
        ObjectNode data = JSON.createObjectNode().put("templateName", "Load " + runId).put("country", "DK")
                .put("language", "da").put("serviceProviderAdminEmail", "ops@" + partner + ".test")
                .put("wholesaleSubscriptionId", "sub-" + partner).put("brandName", "Load test");
        return record(Topics.TEMPLATE_REQUESTS, partner + "/Load " + runId,
                event("provisioning.template.create.v1", partner, runId + "-" + partner + "-template", data));
    }

    private List<PlannedRecord> plan(String runId, Map<String, String> provisioningIdOf, int customersPerPartner) {
        List<Deque<PlannedRecord>> perCustomer = new ArrayList<>();
        provisioningIdOf.forEach((partner, provisioningId) -> {
            for (int i = 0; i < customersPerPartner; i++) {
                perCustomer.add(new ArrayDeque<>(customer(runId, partner, provisioningId, i)));
            }
        });
        List<PlannedRecord> plan = new ArrayList<>();
        List<PlannedRecord> resendLater = new ArrayList<>();
        while (!perCustomer.isEmpty()) {
            Deque<PlannedRecord> next = perCustomer.get(random.nextInt(perCustomer.size()));
            PlannedRecord record = next.poll();
            plan.add(record);
            if (random.nextInt(100) < 8) {
                resendLater.add(record); // a redelivered or re-sent request: same id, same content
            }
            if (random.nextInt(100) < 3 && !resendLater.isEmpty()) {
                plan.add(resendLater.remove(random.nextInt(resendLater.size())));
            }
            if (next.isEmpty()) {
                perCustomer.remove(next);
            }
        }
        plan.addAll(resendLater);
        return plan;
    }

    private List<PlannedRecord> customer(String runId, String partner, String provisioningId, int index) {
        String externalId = runId + "-" + partner + "-c" + index;
        String key = partner + "/" + externalId;
        String prefix = externalId + "-";
        String domain = externalId.toLowerCase() + ".test";
        boolean voice = random.nextBoolean();
        List<PlannedRecord> steps = new ArrayList<>();

        ObjectNode create = JSON.createObjectNode().put("externalId", externalId).put("provisioningId", provisioningId)
                .put("package", voice ? "webex_voice" : "webex_calling").put("webexSupportedLocationConfirmed", true);
        create.putObject("customerInfo").put("name", "Load customer " + index).put("primaryEmail", "admin@" + domain);
        ObjectNode hq = create.putObject("headquarters").put("name", "HQ").put("timezone", "Europe/Copenhagen");
        hq.putObject("address").put("addressLine1", "Vestergade " + index).put("city", "Odense").put("country", "DK");
        PlannedRecord createRecord = record(Topics.CUSTOMER_REQUESTS, key,
                event("provisioning.customer.create.v1", partner, prefix + "create", create));

        PlannedRecord firstUsers = record(Topics.USER_REQUESTS, key, event("provisioning.users.add.v1", partner,
                prefix + "users-1", users(externalId, domain, 0, 4, true)));
        if (random.nextInt(100) < 20) {
            steps.add(firstUsers); // before its customer: it must wait, then be applied in order
            steps.add(createRecord);
        } else {
            steps.add(createRecord);
            steps.add(firstUsers);
        }
        if (random.nextInt(100) < 3) {
            ObjectNode broken = create.deepCopy();
            ((ObjectNode) broken.get("customerInfo")).put("primaryEmail", "not an e-mail");
            steps.add(record(Topics.CUSTOMER_REQUESTS, key, event("provisioning.customer.create.v1", partner,
                    prefix + "invalid", broken)));
        }
        steps.add(record(Topics.USER_REQUESTS, key, event("provisioning.users.add.v1", partner, prefix + "users-2",
                users(externalId, domain, 4, 2, false))));
        ObjectNode upgrade = JSON.createObjectNode().put("customerExternalId", externalId);
        upgrade.putArray("users").addObject().put("email", "u0@" + domain).put("package", "webex_suite");
        steps.add(record(Topics.USER_REQUESTS, key, event("provisioning.users.update.v1", partner, prefix + "upgrade", upgrade)));
        ObjectNode removal = JSON.createObjectNode().put("customerExternalId", externalId);
        removal.putArray("emails").add("u2@" + domain);
        steps.add(record(Topics.USER_REQUESTS, key, event("provisioning.users.remove.v1", partner, prefix + "remove", removal)));
        if (random.nextInt(100) < 2) {
            ObjectNode other = removal.deepCopy();
            ((tools.jackson.databind.node.ArrayNode) other.get("emails")).set(0, "u3@" + domain);
            steps.add(record(Topics.USER_REQUESTS, key, event("provisioning.users.remove.v1", partner,
                    prefix + "remove", other))); // the same id with other content: refused, once
        }
        if (random.nextInt(100) < 30) {
            ObjectNode customerUpgrade = JSON.createObjectNode().put("externalId", externalId)
                    .put("package", voice ? "webex_calling" : "webex_suite");
            steps.add(record(Topics.CUSTOMER_REQUESTS, key, event("provisioning.customer.update.v1", partner,
                    prefix + "customer-upgrade", customerUpgrade)));
        }
        if (random.nextInt(100) < 10) {
            steps.add(record(Topics.CUSTOMER_REQUESTS, key, event("provisioning.customer.delete.v1", partner,
                    prefix + "delete", JSON.createObjectNode().put("externalId", externalId))));
        }
        return steps;
    }

    private ObjectNode users(String externalId, String domain, int from, int count, boolean withLocation) {
        ObjectNode data = JSON.createObjectNode().put("customerExternalId", externalId);
        if (withLocation) {
            ObjectNode branch = data.putArray("locations").addObject().put("name", "Branch").put("timezone", "Europe/Copenhagen");
            branch.putObject("address").put("addressLine1", "Nørregade 1").put("city", "Aarhus").put("country", "DK");
        }
        var users = data.putArray("users");
        for (int k = from; k < from + count; k++) {
            boolean calling = k % 2 == 0;
            ObjectNode user = users.addObject().put("email", "u" + k + "@" + domain).put("firstName", "User")
                    .put("lastName", "No " + k).put("package", calling ? "webex_calling" : "webex_meetings")
                    .put("location", k % 3 == 0 ? "HQ" : "Branch");
            if (calling) {
                user.put("extension", Integer.toString(1000 + k));
            }
        }
        return data;
    }

    private static ObjectNode event(String type, String partner, String id, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", id)
                .put("source", "urn:bench:load").put("type", type).put("partnerid", partner)
                .put("datacontenttype", "application/json");
        event.set("data", data);
        return event;
    }

    private static PlannedRecord record(String topic, String key, ObjectNode event) {
        return new PlannedRecord(topic, key, JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, Long> countByTopic(List<PlannedRecord> plan) {
        Map<String, Long> counts = new LinkedHashMap<>();
        plan.forEach(record -> counts.merge(record.topic(), 1L, Long::sum));
        return counts;
    }
}
