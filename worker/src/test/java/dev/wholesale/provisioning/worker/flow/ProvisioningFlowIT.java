package dev.wholesale.provisioning.worker.flow;

import static dev.wholesale.provisioning.worker.Requests.customer;
import static dev.wholesale.provisioning.worker.Requests.location;
import static dev.wholesale.provisioning.worker.Requests.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.Requests;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The source document's flow, through the topics: template, customer, then users. */
class ProvisioningFlowIT extends WorkerIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private static final String PARTNER = "partner-acme";

    @Test
    void templateThenCustomerThenUsersAreProvisionedWithBillingFacts() {
        String provisioningId = createTemplate("flow-t1", "Nordic SMB");

        client.send(customers(), PARTNER + "/cust-1001", RequestTopicsClient.event("provisioning.customer.create.v1",
                PARTNER, "flow-c1", customer("cust-1001", provisioningId, "admin@fjord-bakery.dk")));
        JsonNode provisioned = client.awaitResult("flow-c1");
        assertThat(provisioned.path("type").asString()).isEqualTo("provisioning.customer.provisioned.v1");
        assertThat(provisioned.path("partnerid").asString()).isEqualTo(PARTNER);
        assertThat(provisioned.path("subject").asString()).isEqualTo("cust-1001");
        JsonNode customer = provisioned.path("data");
        assertThat(customer.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(customer.path("region").asString()).isEqualTo("EU");
        assertThat(customer.path("package").asString()).isEqualTo("webex_calling");
        assertThat(customer.path("provisioningId").asString()).isEqualTo(provisioningId);
        assertThat(customer.path("administrator").path("email").asString()).isEqualTo("admin@fjord-bakery.dk");
        assertThat(customer.path("administrator").path("package").asString()).isEqualTo("webex_calling");

        client.send(users(), PARTNER + "/cust-1001", RequestTopicsClient.event("provisioning.users.add.v1", PARTNER,
                "flow-u1", Map.of("customerExternalId", "cust-1001",
                        "locations", List.of(location("Aarhus Branch", "DK")),
                        "users", List.of(
                                user("anna@fjord-bakery.dk", "webex_calling", "Copenhagen HQ", "+4532123456", null),
                                user("bo@fjord-bakery.dk", "webex_meetings", "Aarhus Branch", null, null),
                                user("carl@fjord-bakery.dk", "webex_calling", "Aarhus Branch", "+4686123456", null),
                                user("dora@fjord-bakery.dk", "webex_calling", "Aarhus Branch", null, "2001")))));
        JsonNode added = client.awaitResult("flow-u1");
        assertThat(added.path("type").asString()).isEqualTo("provisioning.users.provisioned.v1");
        JsonNode data = added.path("data");
        assertThat(data.path("status").asString()).isEqualTo("PARTIALLY_SUCCEEDED");
        assertThat(data.path("locations").get(0).path("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(outcomes(data)).containsExactly("SUCCEEDED", "SUCCEEDED", "REJECTED", "SUCCEEDED");
        JsonNode carl = data.path("users").get(2);
        assertThat(carl.path("errors").get(0).path("code").asString()).isEqualTo("PHONE_NUMBER_INVALID");
        assertThat(carl.path("errors").get(0).path("pointer").asString()).isEqualTo("/users/2/primaryPhoneNumber");
        assertThat(data.path("countsPerPackage").path("webex_calling").asInt()).isEqualTo(2);
        assertThat(data.path("countsPerPackage").path("webex_meetings").asInt()).isEqualTo(1);
    }

    @Test
    void aRedeliveredRequestChangesNothingAndAReusedIdIsRefused() {
        String provisioningId = createTemplate("redeliver-t1", "Redelivery");
        ObjectNode create = RequestTopicsClient.event("provisioning.customer.create.v1", PARTNER, "redeliver-c1",
                customer("cust-2001", provisioningId, "admin@redeliver.dk"));
        client.send(customers(), PARTNER + "/cust-2001", create);
        client.send(customers(), PARTNER + "/cust-2001", create);
        ObjectNode reused = RequestTopicsClient.event("provisioning.customer.create.v1", PARTNER, "redeliver-c1",
                customer("cust-2002", provisioningId, "admin2@redeliver.dk"));
        client.send(customers(), PARTNER + "/cust-2002", reused);

        client.awaitRecords(records -> client.resultsFor("redeliver-c1").size() >= 2, Duration.ofSeconds(30));
        client.drain(Duration.ofSeconds(2));
        List<JsonNode> results = client.resultsFor("redeliver-c1");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("type").asString()).isEqualTo("provisioning.customer.provisioned.v1");
        assertThat(results.get(1).path("type").asString()).isEqualTo("provisioning.request.rejected.v1");
        assertThat(results.get(1).path("data").path("errors").get(0).path("code").asString())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(results.get(0).path("id").asString()).isNotEqualTo(results.get(1).path("id").asString());
    }

    @Test
    void usersArrivingBeforeTheirCustomerWaitAndAreAppliedWhenItAppears() {
        String provisioningId = createTemplate("early-t1", "Early birds");
        client.send(users(), PARTNER + "/cust-3001", RequestTopicsClient.event("provisioning.users.add.v1", PARTNER,
                "early-u1", Map.of("customerExternalId", "cust-3001", "users",
                        List.of(user("eva@early.dk", "webex_meetings", "Copenhagen HQ", null, null)))));
        client.drain(Duration.ofSeconds(2));
        assertThat(client.resultsFor("early-u1")).isEmpty();

        client.send(customers(), PARTNER + "/cust-3001", RequestTopicsClient.event("provisioning.customer.create.v1",
                PARTNER, "early-c1", customer("cust-3001", provisioningId, "admin@early.dk")));
        JsonNode users = client.awaitResult("early-u1");
        assertThat(users.path("data").path("status").asString()).isEqualTo("SUCCEEDED");
        List<String> order = client.results().stream().map(r -> r.path("data").path("requestId").asString())
                .filter(id -> id.startsWith("early-")).toList();
        assertThat(order).containsSubsequence("early-c1", "early-u1");
    }

    /**
     * A request accepted when it arrived, but refused by the rules of the version running when its
     * customer appears (an upgrade tightened them; simulated by editing what waits): it gets its
     * refusal, and the customer's creation is not held up by it.
     */
    @Test
    void aWaitingRequestThatTheRulesNowRefuseIsRefusedAndItsCustomerIsStillCreated() {
        String provisioningId = createTemplate("stale-t1", "Stale rules");
        client.send(users(), PARTNER + "/cust-3101", RequestTopicsClient.event("provisioning.users.add.v1", PARTNER,
                "stale-u1", Map.of("customerExternalId", "cust-3101", "users",
                        List.of(user("ida@stale.dk", "webex_meetings", "Copenhagen HQ", null, null)))));
        awaitWaiting("stale-u1");
        byte[] event = jdbc.queryForObject("select event from waiting_request where request_id = 'stale-u1'", byte[].class);
        ObjectNode stale = (ObjectNode) RequestTopicsClient.JSON.readTree(event);
        ((ObjectNode) stale.get("data")).put("users", "no longer a list");
        jdbc.update("update waiting_request set event = ? where request_id = 'stale-u1'",
                (Object) RequestTopicsClient.JSON.writeValueAsBytes(stale));

        client.send(customers(), PARTNER + "/cust-3101", RequestTopicsClient.event("provisioning.customer.create.v1",
                PARTNER, "stale-c1", customer("cust-3101", provisioningId, "admin@stale.dk")));

        assertThat(client.awaitResult("stale-c1").path("type").asString()).isEqualTo("provisioning.customer.provisioned.v1");
        JsonNode refusal = client.awaitResult("stale-u1");
        assertThat(refusal.path("type").asString()).isEqualTo("provisioning.request.rejected.v1");
        assertThat(refusal.path("data").path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(error.path("pointer").asString()).isEqualTo("/users");
        });
        assertThat(jdbc.queryForObject("select count(*) from waiting_request where request_id = 'stale-u1'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select state from request_log where request_id = 'stale-u1'", String.class))
                .isEqualTo("COMPLETED");
    }

    private void awaitWaiting(String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.queryForObject("select count(*) from waiting_request where request_id = ?", Long.class, requestId) == 0) {
            assertThat(System.nanoTime()).as("%s waiting for its customer", requestId).isLessThan(deadline);
            client.drain(Duration.ofMillis(200));
        }
    }

    @Test
    void anUnreadableRecordIsDeadLetteredWithItsReasonAndTheSenderIsTold() {
        byte[] truncated = "{\"specversion\":\"1.0\",\"id\":\"broken-1\",\"type\":\"provisioning.customer.create.v1\",\"partnerid\":\"partner-acme\",\"data\":{\"externalId\":"
                .getBytes(StandardCharsets.UTF_8);
        client.send(customers(), PARTNER + "/broken", truncated, Map.of("content-type", "application/cloudevents+json"));
        String key = PARTNER + "/broken";
        List<ConsumerRecord<String, byte[]>> records = client.awaitRecords(received -> received.stream()
                .anyMatch(r -> r.topic().equals(customers() + "-dlt") && key.equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> dead = records.stream()
                .filter(r -> r.topic().equals(customers() + "-dlt") && key.equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(dead.headers().lastHeader("dlt-reason").value(), StandardCharsets.UTF_8)).isEqualTo("NOT_JSON");
        assertThat(dead.value()).isEqualTo(truncated);
        JsonNode rejection = client.awaitResult("broken-1");
        assertThat(rejection.path("type").asString()).isEqualTo("provisioning.request.rejected.v1");
    }

    @Test
    void aBinaryModeRequestIsAnsweredAndItsTraceContextIsCarriedToTheResult() {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        byte[] data = RequestTopicsClient.JSON.writeValueAsBytes(Requests.template("Binary mode"));
        client.send(templates(), PARTNER + "/Binary mode", data, Map.of(
                "ce_specversion", "1.0", "ce_id", "binary-t1", "ce_source", "urn:test:ordering",
                "ce_type", "provisioning.template.create.v1", "ce_partnerid", PARTNER,
                "ce_traceparent", traceparent, "content-type", "application/json"));
        JsonNode result = client.awaitResult("binary-t1");
        assertThat(result.path("type").asString()).isEqualTo("provisioning.template.created.v1");
        assertThat(result.path("traceparent").asString()).isEqualTo(traceparent);
        assertThat(result.path("source").asString()).isEqualTo("urn:wholesale:provisioning-worker");
    }

    /**
     * A compression bomb: a record compressed far below the topic's limit that expands to 16 MB. The
     * worker's request topics are stored uncompressed, so the broker checks the expanded size and
     * refuses the record to its sender; it never reaches the worker's heap, and results keep flowing.
     */
    @Test
    void aCompressionBombIsRefusedByTheBrokerAndResultsKeepFlowing() {
        byte[] bomb = new byte[16 * 1024 * 1024];
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", INFRA.kafkaBootstrapServers());
        config.put("compression.type", "gzip");
        config.put("max.request.size", 64 * 1024 * 1024);
        config.put("buffer.memory", 64L * 1024 * 1024);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(config,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(customers(),
                    "bomb", bomb)).get()).hasCauseInstanceOf(org.apache.kafka.common.errors.RecordTooLargeException.class);
        }
        createTemplate("after-bomb", "After the bomb");
    }

    /**
     * A value over the intake limit but within what the topic takes is set aside unread as TOO_LARGE,
     * with the sender's key and value, and the results behind it keep flowing.
     */
    @Test
    void aValueOverTheIntakeLimitIsDeadLetteredAsTooLargeAndDoesNotHoldUpLaterResults() {
        byte[] value = new byte[1024 * 1024 + 10_000];
        java.util.Arrays.fill(value, (byte) 'x');
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", INFRA.kafkaBootstrapServers());
        config.put("max.request.size", 4 * 1024 * 1024);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(config,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(customers(), "oversized", value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        createTemplate("after-oversized", "After the oversized record");

        ConsumerRecord<String, byte[]> dead = client.awaitRecords(received -> received.stream()
                .anyMatch(r -> "oversized".equals(r.key()) && r.topic().endsWith("-dlt")), Duration.ofSeconds(30))
                .stream().filter(r -> "oversized".equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(dead.headers().lastHeader("dlt-reason").value(), StandardCharsets.UTF_8)).isEqualTo("TOO_LARGE");
        assertThat(dead.value()).isEqualTo(value);
        assertThat(dead.headers().lastHeader("dlt-truncated")).isNull();
    }

    private String createTemplate(String requestId, String name) {
        client.send(templates(), PARTNER + "/" + name, RequestTopicsClient.event("provisioning.template.create.v1",
                PARTNER, requestId, Requests.template(name)));
        JsonNode created = client.awaitResult(requestId);
        assertThat(created.path("type").asString()).isEqualTo("provisioning.template.created.v1");
        return created.path("data").path("template").path("provisioningId").asString();
    }

    private static List<String> outcomes(JsonNode data) {
        List<String> outcomes = new java.util.ArrayList<>();
        data.path("users").forEach(user -> outcomes.add(user.path("outcome").asString()));
        return outcomes;
    }
}
