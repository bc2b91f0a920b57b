package dev.wholesale.provisioning.testkit;

import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * A single-node KRaft cluster (combined broker + controller) inside this JVM, from spring-kafka-test.
 * Starts in a few seconds without Docker; the price is heap and a heavy test class path.
 */
final class EmbeddedKafkaServer implements KafkaServer {

    /**
     * What a one-node cluster needs for the worker's transactions and consumer groups: internal topics
     * must not ask for more replicas than the one broker there is. Fewer internal partitions than the
     * defaults (50) make the first group join and first transaction faster.
     */
    static final Map<String, String> BROKER_PROPERTIES = Map.ofEntries(
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "4"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "4"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("default.replication.factor", "1"),
            Map.entry("min.insync.replicas", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            // Production topics are created deliberately; a typo in a test must fail, not invent a topic.
            Map.entry("auto.create.topics.enable", "false"),
            Map.entry("delete.topic.enable", "true"));

    /** System property the broker sets to its address; informational only, nothing reads it. */
    static final String BROKER_LIST_PROPERTY = "provisioning.testkit.embedded-kafka.bootstrap-servers";

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static EmbeddedKafkaServer start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(BROKER_PROPERTIES);
        // By default the broker writes its address into the system property spring.kafka.bootstrap-servers,
        // which would silently wire every Spring context in the JVM to it (and only for this variant).
        // Tests wire Kafka explicitly, the same way for every variant; null is not accepted, so park it here.
        broker.brokerListProperty(BROKER_LIST_PROPERTY);
        broker.afterPropertiesSet(); // starts the cluster and waits until the broker is ready
        return new EmbeddedKafkaServer(broker);
    }

    @Override
    public Variant variant() {
        return Variant.EMBEDDED;
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public String description() {
        return "embedded KRaft broker (Kafka " + AppInfoParser.getVersion() + ", in this JVM) at " + bootstrapServers();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
