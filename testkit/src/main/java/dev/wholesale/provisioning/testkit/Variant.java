package dev.wholesale.provisioning.testkit;

/** Where a server comes from. Each of Kafka and PostgreSQL has its own, see {@link VariantChoice}. */
public enum Variant {
    /** Named in the environment ({@code PROVISIONING_TEST_KAFKA_BOOTSTRAP_SERVERS}, {@code PROVISIONING_TEST_POSTGRES_URL}). */
    EXTERNAL,
    /** Pinned Docker images started through Testcontainers; needs a Docker engine. */
    TESTCONTAINERS,
    /** In-JVM KRaft broker (spring-kafka-test) and PostgreSQL binaries from Maven Central (zonky). */
    EMBEDDED
}
