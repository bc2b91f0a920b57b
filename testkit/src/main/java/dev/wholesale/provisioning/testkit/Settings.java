package dev.wholesale.provisioning.testkit;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The testkit's knobs. Each is an environment variable ({@code PROVISIONING_TEST_...}) and may also be
 * given as a system property named the same way in lower case with dots ({@code provisioning.test....});
 * the system property wins, so {@code mvn -Dprovisioning.test.infra=embedded} beats an exported variable.
 *
 * <p>Reading goes through two lookup functions so the selection logic is unit-testable without
 * touching the real environment.
 */
public final class Settings {

    /** {@code embedded|testcontainers|external|auto}; default auto. */
    public static final String INFRA = "PROVISIONING_TEST_INFRA";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "PROVISIONING_TEST_KAFKA_BOOTSTRAP_SERVERS";
    public static final String POSTGRES_URL = "PROVISIONING_TEST_POSTGRES_URL";
    public static final String POSTGRES_USER = "PROVISIONING_TEST_POSTGRES_USER";
    public static final String POSTGRES_PASSWORD = "PROVISIONING_TEST_POSTGRES_PASSWORD";
    /** Overrides for the pinned Testcontainers images, e.g. to use a mirror. */
    public static final String KAFKA_IMAGE = "PROVISIONING_TEST_KAFKA_IMAGE";
    public static final String POSTGRES_IMAGE = "PROVISIONING_TEST_POSTGRES_IMAGE";

    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;

    Settings(Function<String, String> systemProperties, Function<String, String> environment) {
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /** Reads the real system properties and environment of this JVM. */
    public static Settings fromEnvironment() {
        return new Settings(System::getProperty, System::getenv);
    }

    /** For tests: the given maps stand in for system properties and environment. */
    static Settings of(Map<String, String> systemProperties, Map<String, String> environment) {
        return new Settings(systemProperties::get, environment::get);
    }

    /** {@code PROVISIONING_TEST_INFRA} becomes {@code provisioning.test.infra}. */
    static String propertyName(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The value, or empty when unset or blank (a blank exported variable means "not set", not "empty host"). */
    public Optional<String> get(String variable) {
        String value = systemProperties.apply(propertyName(variable));
        if (value == null || value.isBlank()) {
            value = environment.apply(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Says where a value came from, for messages: {@code -Dprovisioning.test.infra} or {@code PROVISIONING_TEST_INFRA}. */
    String source(String variable) {
        String value = systemProperties.apply(propertyName(variable));
        return value == null || value.isBlank() ? variable : "-D" + propertyName(variable);
    }

    public Mode mode() {
        return Mode.parse(get(INFRA).orElse(null));
    }

    public boolean externalKafkaConfigured() {
        return get(KAFKA_BOOTSTRAP_SERVERS).isPresent();
    }

    public boolean externalPostgresConfigured() {
        return get(POSTGRES_URL).isPresent();
    }
}
