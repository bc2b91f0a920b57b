package dev.wholesale.provisioning.testkit;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka in KRaft mode from the official {@code apache/kafka} image. Testcontainers' {@code KafkaContainer}
 * (package {@code org.testcontainers.kafka}, not the deprecated Confluent one) already sets the internal
 * topics to one replica; we add what the embedded broker also has, so the variants behave alike.
 */
final class ContainerKafkaServer implements KafkaServer {

    static final String DEFAULT_IMAGE = "apache/kafka:4.1.1";

    private final KafkaContainer container;

    private ContainerKafkaServer(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafkaServer start(Settings settings) {
        String image = settings.get(Settings.KAFKA_IMAGE).orElse(DEFAULT_IMAGE);
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "4")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        container.start();
        return new ContainerKafkaServer(container);
    }

    @Override
    public Variant variant() {
        return Variant.TESTCONTAINERS;
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String description() {
        return "Kafka container (" + container.getDockerImageName() + ", KRaft) at " + bootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
