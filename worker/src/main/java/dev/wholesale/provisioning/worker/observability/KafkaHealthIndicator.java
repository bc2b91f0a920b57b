package dev.wholesale.provisioning.worker.observability;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * DOWN when the broker cannot be reached within a few seconds, saying so; the worker then stops
 * being ready, while the listener and the relay keep retrying on their own.
 */
@Component("kafka")
public class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

    private final Admin admin;

    public KafkaHealthIndicator(KafkaProperties kafka) {
        Map<String, Object> config = new java.util.HashMap<>(kafka.buildAdminProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        this.admin = Admin.create(config);
    }

    @Override
    public Health health() {
        try {
            var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
            int brokers = cluster.nodes().get(4, TimeUnit.SECONDS).size();
            return Health.up().withDetail("clusterId", cluster.clusterId().get(4, TimeUnit.SECONDS))
                    .withDetail("brokers", brokers).build();
        } catch (Exception e) {
            return Health.down().withDetail("error", "Kafka unreachable: " + e.getClass().getSimpleName()).build();
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
