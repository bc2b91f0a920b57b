package dev.wholesale.provisioning.worker;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.wholesale.provisioning.testkit.DataSourceSpec;
import dev.wholesale.provisioning.testkit.Infrastructure;

/**
 * Base of the integration tests: the whole worker on a real broker and a real Postgres, with a
 * database and topic names of its own per test class, driven only through Kafka.
 */
@SpringBootTest
public abstract class WorkerIntegrationTest {

    protected static final Infrastructure INFRA = Infrastructure.shared();
    protected static final String prefix = INFRA.uniqueName("it");
    protected static RequestTopicsClient client;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        DataSourceSpec database = INFRA.postgres().createDatabase("worker");
        registry.add("spring.kafka.bootstrap-servers", INFRA::kafkaBootstrapServers);
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.kafka.consumer.group-id", () -> prefix + "-worker");
        registry.add("provisioning.relay.transactional-id", () -> prefix + "-relay");
        registry.add("provisioning.topics.template-requests", () -> templates());
        registry.add("provisioning.topics.customer-requests", () -> customers());
        registry.add("provisioning.topics.user-requests", () -> users());
        registry.add("provisioning.topics.results", () -> results());
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

    @BeforeAll
    static void connectClient() {
        client = new RequestTopicsClient(INFRA.kafkaBootstrapServers(),
                List.of(results(), templates() + "-dlt", customers() + "-dlt", users() + "-dlt"));
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }
}
