package dev.wholesale.provisioning.bench.hostile;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import dev.wholesale.provisioning.contracts.catalogue.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Results too large for Kafka: one whose request is small but whose refusals, echoed with an
 * error per field, are larger than a Kafka record (shortened when it is written); and one that
 * fitted its topic when it was written, after which the topic's {@code max.message.bytes} was
 * lowered to 64 KiB, so that the broker refuses it to the relay (isolated by the relay, published
 * in its smaller form). Neither may hold up anyone else's results.
 */
final class LargeResults {

    private static final int LOWERED_LIMIT = 64 * 1024;

    private final HostileSuite suite;

    LargeResults(HostileSuite suite) {
        this.suite = suite;
    }

    void run() throws Exception {
        amplified();
        refusedByTheTopic();
    }

    private void amplified() {
        suite.scenario("a users.add of 1000 users broken in every field: its result would be larger than its request");
        ObjectNode data = Requests.JSON.createObjectNode().put("customerExternalId", "hostile-customer");
        ArrayNode users = data.putArray("users");
        for (int i = 0; i < 1000; i++) {
            users.addObject().put("email", "e".repeat(290) + String.format("%010d", i)).put("firstName", 1)
                    .put("lastName", 1).put("package", 1).put("location", "l".repeat(300)).put("primaryPhoneNumber", 1)
                    .put("extension", 1);
        }
        String id = "hostile-" + suite.run() + "-amplified";
        suite.send(Topics.USER_REQUESTS, HostileSuite.HOSTILE + "/hostile-customer",
                Requests.event("provisioning.users.add.v1", HostileSuite.HOSTILE, id, data));
        JsonNode result = suite.expectResult(HostileSuite.HOSTILE, id, "provisioning.users.provisioned.v1",
                HostileSuite.WITHIN_SECONDS);
        if (result != null && !result.path("data").path("shortened").asBoolean(false)) {
            suite.problem(id + ": the result is not marked shortened");
        }
        suite.othersAreAnswered("a result larger than its request");
    }

    private void refusedByTheTopic() throws Exception {
        suite.scenario("a result of 1000 users, after its topic's max.message.bytes was lowered to 64 KiB");
        try (Admin admin = admin()) {
            setResultsLimit(admin, Integer.toString(LOWERED_LIMIT));
            String id = "hostile-" + suite.run() + "-refused-result";
            suite.send(Topics.USER_REQUESTS, HostileSuite.HOSTILE + "/hostile-customer", Requests.event(
                    "provisioning.users.add.v1", HostileSuite.HOSTILE, id,
                    Requests.users("hostile-customer", "big-" + suite.run() + ".test", 1000)));
            JsonNode result = suite.expectResult(HostileSuite.HOSTILE, id, "provisioning.users.provisioned.v1",
                    HostileSuite.WITHIN_SECONDS);
            if (result != null) {
                JsonNode data = result.path("data");
                if (!data.path("shortened").asBoolean(false) || data.path("countsPerPackage").path("webex_calling").asInt() != 1000
                        || !"SUCCEEDED".equals(data.path("status").asString())) {
                    suite.problem(id + ": expected a shortened result counting 1000 users, got " + abbreviated(data));
                }
                suite.note("published in " + Requests.bytes((ObjectNode) result).length + " bytes");
            }
            suite.othersAreAnswered("a result the topic refused");
            setResultsLimit(admin, null);
        }
    }

    private void setResultsLimit(Admin admin, String bytes) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RESULTS);
        AlterConfigOp op = bytes == null
                ? new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""), AlterConfigOp.OpType.DELETE)
                : new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, bytes), AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(30, TimeUnit.SECONDS);
    }

    private Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.cluster().kafka().bootstrapServers());
        return Admin.create(config);
    }

    private static String abbreviated(JsonNode data) {
        String text = data.toString();
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
