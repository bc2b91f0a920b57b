package dev.wholesale.provisioning.worker.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.Requests;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;
import dev.wholesale.provisioning.worker.hostile.RawRecords.Header;
import dev.wholesale.provisioning.worker.outbox.PendingRecords;

import tools.jackson.databind.JsonNode;

/**
 * A users request under every intake limit (one record of about 700 KB, 1000 users, no string over
 * 300 characters) whose every user is broken in seven fields: its result lists, per user, the values
 * as sent and an error per field, which makes it larger than the request and larger than the 1 MiB a
 * Kafka producer and topic accept by default. The request must still get its one result, and the
 * results of other requests must keep flowing. (Its own class: if the outbox relay stalls, every
 * result of the worker stalls with it.)
 */
class HostileResultAmplificationIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-amplification";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PendingRecords pending;

    @Test
    void aRequestWhoseResultIsLargerThanAKafkaRecordGetsAnAnswerAndResultsKeepFlowing() {
        client.send(templates(), PARTNER + "/t", RequestTopicsClient.event(HostileCorpus.TEMPLATE_CREATE, PARTNER,
                "amp-template", Requests.template("Amplification")));
        String provisioningId = client.awaitResult("amp-template").path("data").path("template").path("provisioningId")
                .asString();
        client.send(customers(), PARTNER + "/amp", RequestTopicsClient.event(HostileCorpus.CUSTOMER_CREATE, PARTNER,
                "amp-customer", Requests.customer("amp", provisioningId, "admin@amplification.dk")));
        assertThat(client.awaitResult("amp-customer").path("type").asString()).isEqualTo(HostileCorpus.CUSTOMER_PROVISIONED);

        List<Object> users = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("email", "e".repeat(290) + String.format("%010d", i));
            user.put("firstName", 1);
            user.put("lastName", 1);
            user.put("package", 1);
            user.put("location", "l".repeat(300));
            user.put("primaryPhoneNumber", 1);
            user.put("extension", 1);
            users.add(user);
        }
        byte[] bomb = RequestTopicsClient.JSON.writeValueAsBytes(RequestTopicsClient.event(HostileCorpus.USERS_ADD, PARTNER,
                "amp-bomb", Map.of("customerExternalId", "amp", "users", users)));
        assertThat(bomb.length).as("the request is within the 1 MiB intake limit").isLessThan(HostileCorpus.ONE_MIB);
        try (RawRecords raw = new RawRecords(INFRA.kafkaBootstrapServers())) {
            raw.sendNow(users(), null, (PARTNER + "/amp").getBytes(StandardCharsets.UTF_8), bomb,
                    List.of(Header.of("content-type", "application/cloudevents+json")));
        }
        client.send(templates(), PARTNER + "/after", RequestTopicsClient.event(HostileCorpus.TEMPLATE_CREATE, PARTNER,
                "amp-after", Requests.template("After the amplification")));
        RawRecords.awaitQuietly(client, records -> !client.resultsFor("amp-after").isEmpty()
                && !client.resultsFor("amp-bomb").isEmpty(), Duration.ofSeconds(20), Duration.ofSeconds(45));

        List<ConsumerRecord<String, byte[]>> received = client.received();
        int resultBytes = received.stream().filter(r -> r.value() != null && !r.topic().endsWith("-dlt"))
                .filter(r -> new String(r.value(), 0, Math.min(2000, r.value().length), StandardCharsets.UTF_8).contains("amp-bomb"))
                .mapToInt(r -> r.value().length).max().orElse(-1);
        // What the worker wrote to its outbox for the users request, published or not.
        List<Map<String, Object>> outbox = jdbc.queryForList("select seq, topic, octet_length(payload) as bytes,"
                + " seq <= (select up_to_seq from outbox_published) as published"
                + " from outbox where octet_length(payload) > 500000 order by seq");
        long unpublished = pending.countPending();
        System.out.printf("%nResult amplification: request of %d bytes; its result %s (%d bytes on the topic); the request"
                        + " after it: %s; outbox rows of the users result: %s; unpublished outbox rows: %d%n",
                bomb.length, client.resultsFor("amp-bomb").stream().map(r -> r.path("type").asString() + " "
                        + r.path("data").path("status").asString()).toList(), resultBytes,
                client.resultsFor("amp-after").stream().map(r -> r.path("type").asString()).toList(), outbox, unpublished);

        if (client.resultsFor("amp-after").isEmpty()) {
            // Where the relay is, for the report: it publishes the outbox in order, so one stuck result holds up all.
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                if (thread.getName().equals("outbox-relay")) {
                    System.out.println("outbox-relay thread, " + thread.getState() + ":");
                    for (StackTraceElement frame : stack) {
                        System.out.println("    at " + frame);
                    }
                }
            });
        }
        assertThat(client.resultsFor("amp-after")).as("a template request sent after the users request")
                .singleElement().satisfies(r -> assertThat(r.path("type").asString()).isEqualTo(HostileCorpus.TEMPLATE_CREATED));
        List<JsonNode> answer = client.resultsFor("amp-bomb");
        assertThat(answer).as("the users request with 1000 broken users").singleElement()
                .satisfies(r -> assertThat(r.path("data").path("status").asString()).isEqualTo("REJECTED"));
    }
}
