package dev.wholesale.provisioning.worker.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.Requests;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * A record Kafka refuses for good does not stall the relay. Here the topics' limits are lowered
 * after the worker started (it sized its records for the old ones), so the broker refuses records
 * the worker believed would fit: each is isolated, published in its smaller form or set aside,
 * and the results after it keep flowing.
 */
class RelayIsolationIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-isolation";

    @Autowired
    MeterRegistry meters;

    @Autowired
    PendingRecords pending;

    @Test
    void aResultTheTopicRefusesIsPublishedShortenedWithItsCountsAndTheResultsAfterItFlow() throws Exception {
        String provisioningId = client.awaitResult(template("t-short", "Shortened")).path("data").path("template")
                .path("provisioningId").asString();
        client.send(customers(), PARTNER + "/short", RequestTopicsClient.event("provisioning.customer.create.v1", PARTNER,
                "c-short", Requests.customer("short", provisioningId, "admin@short.dk")));
        assertThat(client.awaitResult("c-short").path("type").asString()).isEqualTo("provisioning.customer.provisioned.v1");
        double shortenedBefore = isolated("shortened");

        withTopicLimit(results(), 64 * 1024, () -> {
            List<Object> users = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                users.add(Requests.user("user" + i + "@short.dk", "webex_calling", "Copenhagen HQ", null,
                        Integer.toString(1000 + i)));
            }
            client.send(users(), PARTNER + "/short", RequestTopicsClient.event("provisioning.users.add.v1", PARTNER,
                    "u-short", Requests.addUsers("short", List.of(), users)));
            JsonNode data = client.awaitResult("u-short").path("data");
            assertThat(data.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(data.path("shortened").asBoolean()).isTrue();
            assertThat(data.path("users")).isEmpty();
            assertThat(data.path("countsPerPackage").path("webex_calling").asInt()).isEqualTo(1000);
            assertThat(client.awaitResult(template("t-after-short", "After the shortened")).path("type").asString())
                    .isEqualTo("provisioning.template.created.v1");
        });
        assertThat(isolated("shortened")).isGreaterThan(shortenedBefore);
        assertThat(pending.countPending()).isZero();
    }

    @Test
    void aDeadLetterTheTopicRefusesGoesOutWithoutItsValueAndSaysSo() throws Exception {
        byte[] value = new byte[100 * 1024];
        java.util.Arrays.fill(value, (byte) '#');
        withTopicLimit(customers() + "-dlt", 16 * 1024, () -> {
            client.send(customers(), "refused-dead-letter", value, Map.of());
            ConsumerRecord<String, byte[]> deadLetter = client.awaitRecords(records -> records.stream()
                    .anyMatch(r -> "refused-dead-letter".equals(r.key())), Duration.ofSeconds(30)).stream()
                    .filter(r -> "refused-dead-letter".equals(r.key())).findFirst().orElseThrow();
            assertThat(deadLetter.value()).isEmpty();
            assertThat(header(deadLetter, "dlt-reason")).isEqualTo("NOT_JSON");
            assertThat(header(deadLetter, "dlt-truncated")).isEqualTo("true");
            assertThat(header(deadLetter, "dlt-original-size")).isEqualTo(Integer.toString(value.length));
            assertThat(client.awaitResult(template("t-after-dead-letter", "After the dead letter")).path("type")
                    .asString()).isEqualTo("provisioning.template.created.v1");
        });
    }

    @Test
    void aResultWithNoSmallerFormThatTheTopicTakesIsSetAsideAndTheRelayMovesOn() throws Exception {
        double setAsideBefore = isolated("set_aside");
        withTopicLimit(results(), 300, () -> {
            template("t-set-aside", "Set aside");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (isolated("set_aside") == setAsideBefore && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        });
        assertThat(isolated("set_aside")).isGreaterThan(setAsideBefore);
        assertThat(client.awaitResult(template("t-after-set-aside", "After the set-aside")).path("type").asString())
                .isEqualTo("provisioning.template.created.v1");
        assertThat(client.resultsFor("t-set-aside")).as("kept in the outbox, not published").isEmpty();
        assertThat(pending.countPending()).isZero();
    }

    private String template(String requestId, String name) {
        client.send(templates(), PARTNER + "/" + name, RequestTopicsClient.event("provisioning.template.create.v1",
                PARTNER, requestId, Requests.template(name)));
        return requestId;
    }

    private double isolated(String action) {
        return meters.find("provisioning.relay.records.isolated").tag("action", action).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Lowers the topic's max.message.bytes for the step, then gives it back the broker's default. */
    private static void withTopicLimit(String topic, int bytes, Step step) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry(
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(bytes)), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
            try {
                step.run();
            } finally {
                admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry(
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""), AlterConfigOp.OpType.DELETE))))
                        .all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
