package dev.wholesale.provisioning.bench.perf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.wholesale.provisioning.bench.load.LoadPlan.PlannedRecord;
import dev.wholesale.provisioning.contracts.catalogue.Topics;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A migration burst: customers spread over partners, then their users in batches of
 * {@code batchSize}, with a share of invalid requests. Each record carries its send time as the
 * CloudEvents {@code time}, from which latency is measured.
 */
final class BurstPlan {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String runId;
    private final Map<String, String> provisioningIdOf;
    private final int customers;
    private final int users;
    private final int batchSize;
    private final int invalidPercent;
    /** Interleaved: how many customers after its own create a customer's users requests are sent; -1 for not interleaved. */
    private final int usersLag;

    BurstPlan(String runId, Map<String, String> provisioningIdOf, int customers, int users, int batchSize, int invalidPercent) {
        this(runId, provisioningIdOf, customers, users, batchSize, invalidPercent, -1);
    }

    private BurstPlan(String runId, Map<String, String> provisioningIdOf, int customers, int users, int batchSize,
                      int invalidPercent, int usersLag) {
        this.runId = runId;
        this.provisioningIdOf = provisioningIdOf;
        this.customers = customers;
        this.users = users;
        this.batchSize = batchSize;
        this.invalidPercent = invalidPercent;
        this.usersLag = usersLag;
    }

    /**
     * The same records with creates and users requests interleaved: after each create go the users
     * requests of the customer created {@code usersLag} creates earlier (sent at a steady pace, about
     * that many sends earlier). The mix of cheap creates and costly users requests is then the same
     * from second to second, so the load is the same share of full speed throughout, and users
     * requests do not race their customer's create.
     */
    BurstPlan interleaved(int usersLag) {
        return new BurstPlan(runId, provisioningIdOf, customers, users, batchSize, invalidPercent, usersLag);
    }

    int customerRequests() {
        return customers;
    }

    int userRequests() {
        return (users + batchSize - 1) / batchSize;
    }

    long requests() {
        return customerRequests() + userRequests();
    }

    /**
     * Hands out the records in sending order: all customers first, then users, round robin over
     * customers; or interleaved, as {@link #interleaved} describes.
     */
    void forEach(Consumer<PlannedRecord> sink) {
        List<String> partners = new ArrayList<>(provisioningIdOf.keySet());
        if (usersLag >= 0) {
            for (int c = 0; c < customers + usersLag; c++) {
                if (c < customers) {
                    sink.accept(customer(partners.get(c % partners.size()), c, c % 100 < invalidPercent));
                }
                int earlier = c - usersLag;
                if (earlier >= 0 && earlier < customers) {
                    String partner = partners.get(earlier % partners.size());
                    for (int r = earlier; r < userRequests(); r += customers) {
                        sink.accept(users(partner, earlier, r, Math.min(batchSize, users - r * batchSize),
                                r % 100 < invalidPercent));
                    }
                }
            }
            return;
        }
        for (int c = 0; c < customers; c++) {
            String partner = partners.get(c % partners.size());
            sink.accept(customer(partner, c, c % 100 < invalidPercent));
        }
        int requests = userRequests();
        for (int r = 0; r < requests; r++) {
            int c = r % customers;
            String partner = partners.get(c % partners.size());
            int count = Math.min(batchSize, users - r * batchSize);
            sink.accept(users(partner, c, r, count, r % 100 < invalidPercent));
        }
    }

    private PlannedRecord customer(String partner, int index, boolean invalid) {
        String externalId = runId + "-c" + index;
        ObjectNode data = JSON.createObjectNode().put("externalId", externalId)
                .put("provisioningId", provisioningIdOf.get(partner)).put("package", "webex_calling")
                .put("webexSupportedLocationConfirmed", true);
        data.putObject("customerInfo").put("name", "Burst customer " + index)
                .put("primaryEmail", invalid ? "not-an-email" : "admin@" + externalId + ".test");
        ObjectNode hq = data.putObject("headquarters").put("name", "HQ").put("timezone", "Europe/Copenhagen");
        hq.putObject("address").put("addressLine1", "Havnegade " + index).put("city", "Odense").put("country", "DK");
        return record(Topics.CUSTOMER_REQUESTS, partner, externalId, "provisioning.customer.create.v1",
                externalId + "-create", data);
    }

    private PlannedRecord users(String partner, int customer, int request, int count, boolean invalid) {
        String externalId = runId + "-c" + customer;
        ObjectNode data = JSON.createObjectNode().put("customerExternalId", externalId);
        ArrayNode list = data.putArray("users");
        for (int k = 0; k < count; k++) {
            int n = request * batchSize + k;
            boolean calling = n % 2 == 0;
            ObjectNode user = list.addObject().put("email", "u" + n + "@" + externalId + ".test")
                    .put("firstName", "User").put("lastName", "No " + n)
                    .put("package", calling ? "webex_calling" : "webex_meetings").put("location", "HQ");
            if (calling) {
                user.put("extension", Integer.toString(100_000 + n));
            }
        }
        if (invalid) {
            data.remove("customerExternalId");
        }
        return record(Topics.USER_REQUESTS, partner, externalId, "provisioning.users.add.v1",
                externalId + "-users-" + request, data);
    }

    static PlannedRecord record(String topic, String partner, String externalId, String type, String id, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", id).put("source", "urn:bench:burst")
                .put("type", type).put("partnerid", partner).put("time", Instant.now().toString())
                .put("datacontenttype", "application/json");
        event.set("data", data);
        return new PlannedRecord(topic, partner + "/" + externalId, JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8));
    }
}
