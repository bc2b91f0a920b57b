package dev.wholesale.provisioning.testkit;

/**
 * A running Kafka cluster, whichever {@link Variant} provides it. Topics are never auto-created (as in
 * production): create them with an {@code AdminClient}, named with {@link Names#unique(String)}.
 */
public interface KafkaServer extends AutoCloseable {

    Variant variant();

    /** {@code host:port[,host:port...]} for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** One line for the startup banner, e.g. "embedded KRaft broker at 127.0.0.1:40123". */
    String description();

    /** Stops the broker if this JVM started it; does nothing for an external cluster. */
    @Override
    void close();
}
