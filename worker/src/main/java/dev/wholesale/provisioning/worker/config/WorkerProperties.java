package dev.wholesale.provisioning.worker.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.wholesale.provisioning.contracts.catalogue.Topics;

/**
 * The worker's own settings (Spring Boot's {@code spring.kafka.*} and {@code spring.datasource.*}
 * cover the connections).
 *
 * @param resultSource        the CloudEvents {@code source} of every result
 * @param customerWaitTimeout how long a request may wait for its customer before CUSTOMER_NOT_FOUND
 * @param retention           the idempotency window: how long request ids, results and finished
 *                            waits are kept
 */
@ConfigurationProperties("provisioning")
public record WorkerProperties(TopicSettings topics, String resultSource, Duration customerWaitTimeout,
                               Duration retention) {

    public WorkerProperties {
        topics = topics == null ? new TopicSettings(null, null, null, null, 0, 0, null) : topics;
        resultSource = resultSource == null ? "urn:wholesale:provisioning-worker" : resultSource;
        customerWaitTimeout = customerWaitTimeout == null ? Duration.ofMinutes(15) : customerWaitTimeout;
        retention = retention == null ? Duration.ofDays(7) : retention;
    }

    /**
     * @param partitions         partitions of each request topic and its DLT (when the worker creates them)
     * @param resultPartitions   partitions of the results topic (when the worker creates it)
     * @param replicationFactor  replicas of every topic the worker creates; null: the broker's default
     */
    public record TopicSettings(String templateRequests, String customerRequests, String userRequests, String results,
                                int partitions, int resultPartitions, Short replicationFactor) {

        public TopicSettings {
            templateRequests = templateRequests == null ? Topics.TEMPLATE_REQUESTS : templateRequests;
            customerRequests = customerRequests == null ? Topics.CUSTOMER_REQUESTS : customerRequests;
            userRequests = userRequests == null ? Topics.USER_REQUESTS : userRequests;
            results = results == null ? Topics.RESULTS : results;
            partitions = partitions <= 0 ? 6 : partitions;
            resultPartitions = resultPartitions <= 0 ? 6 : resultPartitions;
        }

        public List<String> requests() {
            return List.of(templateRequests, customerRequests, userRequests);
        }

        public List<String> deadLetters() {
            return requests().stream().map(Topics::dltOf).toList();
        }

        /** Every topic the relay writes to. */
        public List<String> published() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(results), deadLetters().stream()).toList();
        }
    }
}
