/**
 * Real Kafka and PostgreSQL servers for tests, the local demo and the benchmark.
 *
 * <p>Start at {@link dev.wholesale.provisioning.testkit.Infrastructure#shared()}: it picks one of three
 * {@link dev.wholesale.provisioning.testkit.Variant variants} (servers named in the environment,
 * Testcontainers when a Docker engine answers, otherwise in-JVM Kafka and embedded PostgreSQL binaries),
 * starts them once per JVM and stops them when the JVM exits. Tests isolate themselves with a fresh
 * database per class ({@link dev.wholesale.provisioning.testkit.PostgresServer#createDatabase(String)})
 * and unique topic and group names ({@link dev.wholesale.provisioning.testkit.Infrastructure#uniqueName(String)}).
 * See docs/adr/0002-test-infrastructure.md.
 */
package dev.wholesale.provisioning.testkit;
