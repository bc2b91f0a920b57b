package dev.wholesale.provisioning.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka cluster someone else runs, named by {@code PROVISIONING_TEST_KAFKA_BOOTSTRAP_SERVERS}. For
 * transactions it must allow them (transaction state log replication within its broker count). Topics
 * tests create there stay behind; their unique names keep runs apart.
 */
final class ExternalKafkaServer implements KafkaServer {

    private final String bootstrapServers;

    ExternalKafkaServer(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    static ExternalKafkaServer connect(Settings settings) {
        String bootstrapServers = settings.get(Settings.KAFKA_BOOTSTRAP_SERVERS)
                .orElseThrow(() -> new IllegalStateException(Settings.KAFKA_BOOTSTRAP_SERVERS + " is not set"));
        checkReachable(bootstrapServers);
        return new ExternalKafkaServer(bootstrapServers);
    }

    /** Fail once, here, with the address in the message, rather than in every test with a client timeout. */
    private static void checkReachable(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("External Kafka at " + bootstrapServers + " did not answer: " + e, e);
        }
    }

    @Override
    public Variant variant() {
        return Variant.EXTERNAL;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String description() {
        return "external Kafka at " + bootstrapServers;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
