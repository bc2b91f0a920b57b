package dev.wholesale.provisioning.worker;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import dev.wholesale.provisioning.testkit.DataSourceSpec;
import dev.wholesale.provisioning.testkit.Infrastructure;

/**
 * Base of the integration tests: the whole worker on a real broker and a real Postgres, with a
 * database, topic names and consumer group of its own per test class (a context per class, closed
 * after it), driven only through Kafka.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class WorkerIntegrationTest {

    protected static final Infrastructure INFRA = Infrastructure.shared();
    protected static String prefix;
    protected static RequestTopicsClient client;
    /** This test class's own database, for tests that open sessions of their own. */
    protected static DataSourceSpec database;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        prefix = INFRA.uniqueName("it");
        // Suppliers are read lazily: capture this context's names, not whatever prefix is current later.
        String topics = prefix;
        database = INFRA.postgres().createDatabase("worker");
        registry.add("spring.kafka.bootstrap-servers", INFRA::kafkaBootstrapServers);
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.kafka.consumer.group-id", () -> topics + "-worker");
        registry.add("provisioning.relay.transactional-id", () -> topics + "-relay");
        registry.add("provisioning.topics.template-requests", () -> topics + ".template-requests");
        registry.add("provisioning.topics.customer-requests", () -> topics + ".customer-requests");
        registry.add("provisioning.topics.user-requests", () -> topics + ".user-requests");
        registry.add("provisioning.topics.results", () -> topics + ".results");
        registry.add("provisioning.topics.partitions", () -> 3);
        registry.add("provisioning.topics.result-partitions", () -> 3);
        registry.add("provisioning.customer-wait-timeout", () -> "PT8S");
        registry.add("provisioning.waiting.check-interval", () -> "PT0.5S");
    }

    protected static String templates() {
        return prefix + ".template-requests";
    }

    protected static String customers() {
        return prefix + ".customer-requests";
    }

    protected static String users() {
        return prefix + ".user-requests";
    }

    protected static String results() {
        return prefix + ".results";
    }

    /** Sends a template.create request, keyed as an ordering system would key it. */
    protected static void sendTemplate(String partner, String requestId, String templateName) {
        client.send(templates(), partner + "/" + templateName, RequestTopicsClient.event("provisioning.template.create.v1",
                partner, requestId, Requests.template(templateName)));
    }

    /** The context, and with it the prefix, exist only once the first test instance is prepared. */
    @BeforeEach
    void connectClient() {
        if (client == null) {
            client = new RequestTopicsClient(INFRA.kafkaBootstrapServers(),
                    List.of(results(), templates() + "-dlt", customers() + "-dlt", users() + "-dlt"));
        }
    }

    @AfterAll
    static void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
