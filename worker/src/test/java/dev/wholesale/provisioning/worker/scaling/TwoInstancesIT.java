package dev.wholesale.provisioning.worker.scaling;

import static dev.wholesale.provisioning.worker.Requests.addUsers;
import static dev.wholesale.provisioning.worker.Requests.customer;
import static dev.wholesale.provisioning.worker.Requests.template;
import static dev.wholesale.provisioning.worker.Requests.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.WorkerApplication;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * A second instance joins the consumer group while requests flow: the partitions are shared, and
 * still every request gets exactly one result, with unique event ids, in order per customer.
 */
class TwoInstancesIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-scale";
    private static final int CUSTOMERS = 60;

    @Autowired
    Environment environment;

    @Test
    void twoInstancesShareThePartitionsWithoutDuplicateResults() {
        client.send(templates(), PARTNER + "/Scale", RequestTopicsClient.event("provisioning.template.create.v1",
                PARTNER, "scale-t", template("Scale")));
        String provisioningId = client.awaitResult("scale-t").path("data").path("template").path("provisioningId").asString();

        try (ConfigurableApplicationContext second = startSecondInstance()) {
            for (int i = 0; i < CUSTOMERS; i++) {
                String customer = "scale-" + i;
                // users first for half of them: they wait for their customer, on the other topic
                if (i % 2 == 0) {
                    sendUsers(customer, i);
                }
                client.send(customers(), PARTNER + "/" + customer, RequestTopicsClient.event(
                        "provisioning.customer.create.v1", PARTNER, "scale-c-" + i,
                        customer(customer, provisioningId, "admin" + i + "@scale.dk")));
                if (i % 2 == 1) {
                    sendUsers(customer, i);
                }
            }
            client.awaitRecords(records -> requestIds().size() >= 2 * CUSTOMERS, Duration.ofSeconds(90));
            client.drain(Duration.ofSeconds(3));
        }

        assertThat(consumerGroups()).as("the configured group id, as lag-based autoscaling expects")
                .contains(environment.getProperty("spring.kafka.consumer.group-id"));
        List<JsonNode> results = client.results().stream()
                .filter(result -> result.path("data").path("requestId").asString().startsWith("scale-")).toList();
        assertThat(results).hasSize(2 * CUSTOMERS + 1);
        assertThat(results.stream().map(r -> r.path("id").asString()).collect(Collectors.toSet())).hasSize(results.size());
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = "scale-" + i;
            List<String> types = results.stream().filter(r -> customer.equals(r.path("subject").asString()))
                    .map(r -> r.path("type").asString()).toList();
            assertThat(types).as(customer).containsExactly("provisioning.customer.provisioned.v1",
                    "provisioning.users.provisioned.v1");
        }
    }

    private static Set<String> consumerGroups() {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", INFRA.kafkaBootstrapServers()))) {
            return admin.listGroups().all().get().stream().map(group -> group.groupId()).collect(Collectors.toSet());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void sendUsers(String customer, int i) {
        client.send(users(), PARTNER + "/" + customer, RequestTopicsClient.event("provisioning.users.add.v1", PARTNER,
                "scale-u-" + i, addUsers(customer, List.of(),
                        List.of(user("user" + i + "@scale.dk", "webex_meetings", "Copenhagen HQ", null, null)))));
    }

    private Set<String> requestIds() {
        return client.results().stream().map(r -> r.path("data").path("requestId").asString())
                .filter(id -> id.startsWith("scale-c-") || id.startsWith("scale-u-")).collect(Collectors.toSet());
    }

    private ConfigurableApplicationContext startSecondInstance() {
        List<String> arguments = new java.util.ArrayList<>();
        for (String key : List.of("spring.kafka.bootstrap-servers", "spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password", "spring.kafka.consumer.group-id", "provisioning.relay.transactional-id",
                "provisioning.topics.template-requests", "provisioning.topics.customer-requests",
                "provisioning.topics.user-requests", "provisioning.topics.results", "provisioning.topics.partitions",
                "provisioning.topics.result-partitions")) {
            arguments.add("--" + key + "=" + environment.getProperty(key, ""));
        }
        arguments.add("--server.port=0");
        // Command-line arguments, because builder properties rank below application.yml.
        return new SpringApplicationBuilder(WorkerApplication.class).run(arguments.toArray(String[]::new));
    }
}
