package dev.wholesale.provisioning.worker.security;

import static dev.wholesale.provisioning.worker.Requests.template;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wholesale.provisioning.testkit.DataSourceSpec;
import dev.wholesale.provisioning.testkit.Infrastructure;
import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.WorkerApplication;

import tools.jackson.databind.JsonNode;

/**
 * SASL to the broker is configuration only: the same jar, given {@code spring.kafka.*} security
 * settings, consumes, transacts and publishes through a broker that refuses unauthenticated clients.
 */
class SaslIT {

    private static final SaslBroker BROKER = new SaslBroker();

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @Test
    void theWorkerProvisionsThroughABrokerThatRequiresSasl() {
        String prefix = Infrastructure.shared().uniqueName("sasl");
        DataSourceSpec database = Infrastructure.shared().postgres().createDatabase("sasl");
        try (ConfigurableApplicationContext worker = new SpringApplicationBuilder(WorkerApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + BROKER.bootstrapServers(),
                "--spring.kafka.security.protocol=SASL_PLAINTEXT",
                "--spring.kafka.properties.sasl.mechanism=PLAIN",
                "--spring.kafka.properties.sasl.jaas.config=" + SaslBroker.jaas("worker", "worker-secret"),
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--provisioning.topics.template-requests=" + prefix + ".template-requests",
                "--provisioning.topics.customer-requests=" + prefix + ".customer-requests",
                "--provisioning.topics.user-requests=" + prefix + ".user-requests",
                "--provisioning.topics.results=" + prefix + ".results",
                "--provisioning.topics.partitions=1",
                "--provisioning.topics.result-partitions=1");
             RequestTopicsClient client = new RequestTopicsClient(BROKER.bootstrapServers(),
                     List.of(prefix + ".results"), sasl("client", "client-secret"))) {
            client.send(prefix + ".template-requests", "partner-sasl/Secure", RequestTopicsClient.event(
                    "provisioning.template.create.v1", "partner-sasl", "sasl-t1", template("Secure")));
            JsonNode result = client.awaitResult("sasl-t1");
            assertThat(result.path("type").asString()).isEqualTo("provisioning.template.created.v1");
        }
    }

    @Test
    void theBrokerReallyRefusesClientsWithoutValidCredentials() {
        Properties config = sasl("client", "wrong-password");
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(config)) {
            assertThat(admin.describeCluster().nodes()).failsWithin(Duration.ofSeconds(10))
                    .withThrowableThat().withMessageContaining("Authentication failed");
        }
    }

    private static Properties sasl(String user, String password) {
        Properties config = new Properties();
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "PLAIN");
        config.put("sasl.jaas.config", SaslBroker.jaas(user, password));
        return config;
    }
}
