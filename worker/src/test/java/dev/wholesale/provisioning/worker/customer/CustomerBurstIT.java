package dev.wholesale.provisioning.worker.customer;

import static dev.wholesale.provisioning.worker.Requests.addUsers;
import static dev.wholesale.provisioning.worker.Requests.customer;
import static dev.wholesale.provisioning.worker.Requests.template;
import static dev.wholesale.provisioning.worker.Requests.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;
import dev.wholesale.provisioning.worker.observability.RequestOutcomes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner's migration burst: many customer.create requests polled together, which the worker
 * applies as a set. Each must end exactly as it would have one by one, in order: a create sees
 * the customers and administrator e-mails of the creates before it, a refused create takes
 * nothing, and a request that waited for a customer is applied right after that customer's
 * creation, before the creates that follow it.
 */
class CustomerBurstIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-burst";
    private static final String CREATE = "provisioning.customer.create.v1";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aBurstOfCreatesEndsAsItWouldOneByOne() {
        String provisioningId = createTemplate();
        send(users(), "f", "provisioning.users.add.v1", addUsers("f", List.of(),
                List.of(user("user@f.dk", "webex_calling", "Copenhagen HQ", null, "1001"))));
        awaitTrue(() -> count("select count(*) from waiting_request") == 1);

        double failedBefore = failedBatches();
        // Sent while the worker's consumers are stopped, the burst reaches the worker in one poll.
        MessageListenerContainer requests = listeners.getListenerContainer("provisioning-requests");
        requests.stop();
        List<String> burst = new ArrayList<>();
        burst.add(sendCreate(customer("a", provisioningId, "admin@a.dk")));
        burst.add(sendCreate(customer("a", provisioningId, "other@a.dk")));
        burst.add(sendCreate(customer("b", provisioningId, "ADMIN@a.dk")));
        burst.add(sendCreate(customer("c", UUID.randomUUID().toString(), "admin@c.dk")));
        burst.add(sendCreate(customer("c", provisioningId, "admin@c.dk")));
        client.send(customers(), "burst", RequestTopicsClient.event(CREATE, PARTNER, burst.get(0),
                customer("a", provisioningId, "admin@a.dk")));
        burst.add(sendCreate(customer("f", provisioningId, "admin@f.dk")));
        burst.add(sendCreate(customer("g", provisioningId, "user@f.dk")));
        Map<String, Object> invalid = customer("h", provisioningId, "admin@h.dk");
        invalid.remove("package");
        burst.add(sendCreate(invalid));
        burst.add(sendCreate(customer("h", provisioningId, "admin@h.dk")));
        requests.start();

        List<JsonNode> results = awaitResultsFor(burst);
        assertThat(results).extracting(result -> result.path("type").asString()).containsExactly(
                "provisioning.customer.provisioned.v1",
                "provisioning.request.rejected.v1",
                "provisioning.request.rejected.v1",
                "provisioning.request.rejected.v1",
                "provisioning.customer.provisioned.v1",
                "provisioning.customer.provisioned.v1",
                "provisioning.request.rejected.v1",
                "provisioning.request.rejected.v1",
                "provisioning.customer.provisioned.v1");
        assertThat(results).extracting(CustomerBurstIT::firstErrorCode).containsExactly(
                null, "CUSTOMER_ALREADY_EXISTS", "EMAIL_ALREADY_IN_USE", "TEMPLATE_NOT_FOUND", null, null,
                "EMAIL_ALREADY_IN_USE", "VALIDATION_FAILED", null);
        // Results are keyed by their customer, and each customer's come out in the order its requests went in.
        Map<String, List<String>> byKey = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : client.received()) {
            JsonNode result = RequestTopicsClient.JSON.readTree(record.value());
            String requestId = result.path("data").path("requestId").asString();
            if (record.topic().equals(results()) && burst.contains(requestId)) {
                assertThat(record.key()).isEqualTo(PARTNER + "/" + result.path("subject").asString());
                byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(requestId);
            }
        }
        assertThat(byKey).containsOnlyKeys(List.of("a", "b", "c", "f", "g", "h").stream().map(c -> PARTNER + "/" + c).toList());
        byKey.values().forEach(ids -> assertThat(ids).isSortedAccordingTo(java.util.Comparator.comparingInt(burst::indexOf)));

        JsonNode released = client.awaitResult("users-f");
        assertThat(released.path("type").asString()).isEqualTo("provisioning.users.provisioned.v1");
        assertThat(released.path("data").path("users").get(0).path("outcome").asString()).isEqualTo("SUCCEEDED");

        client.drain(Duration.ofSeconds(2));
        assertThat(failedBatches())
                .as("every outcome decided as the set was applied, none by a retry after a rolled-back batch")
                .isEqualTo(failedBefore);
        assertThat(client.resultsFor(burst.get(0))).as("the repeated create is answered once").hasSize(1);
        assertThat(count("select count(*) from customer where state = 'ACTIVE'")).isEqualTo(4);
        assertThat(count("select count(*) from location")).isEqualTo(4);
        assertThat(jdbc.queryForList("select email from subscriber order by email", String.class))
                .containsExactly("admin@a.dk", "admin@c.dk", "admin@f.dk", "admin@h.dk", "user@f.dk");
    }

    /** Batch transactions rolled back so far, of any cause; the registry may outlive this test. */
    private double failedBatches() {
        return meters.find(RequestOutcomes.BATCHES_FAILED).counters().stream().mapToDouble(Counter::count).sum();
    }

    private String createTemplate() {
        String id = "template-" + UUID.randomUUID();
        client.send(templates(), "template", RequestTopicsClient.event("provisioning.template.create.v1", PARTNER, id,
                template("Burst")));
        return client.awaitResult(id).path("data").path("template").path("provisioningId").asString();
    }

    private String sendCreate(Map<String, Object> create) {
        String id = "create-" + UUID.randomUUID();
        client.send(customers(), "burst", RequestTopicsClient.event(CREATE, PARTNER, id, create));
        return id;
    }

    private void send(String topic, String key, String type, Map<String, Object> data) {
        ObjectNode event = RequestTopicsClient.event(type, PARTNER, "users-" + key, data);
        client.send(topic, key, event);
    }

    /** The results of these requests, in the order of the requests (results of different customers may come in any order). */
    private List<JsonNode> awaitResultsFor(List<String> requestIds) {
        client.awaitRecords(records -> requestIds.stream().allMatch(id -> !client.resultsFor(id).isEmpty()),
                Duration.ofSeconds(30));
        return requestIds.stream().distinct().map(id -> client.resultsFor(id).get(0)).toList();
    }

    private static String firstErrorCode(JsonNode result) {
        JsonNode errors = result.path("data").path("errors");
        return errors.isEmpty() ? null : errors.get(0).path("code").asString();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
