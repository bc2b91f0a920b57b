package dev.wholesale.provisioning.testkit;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The selection rules, with fake settings and a fake Docker probe: no server is started here. */
class VariantSelectionTest {

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final AtomicInteger probes = new AtomicInteger();

    private BooleanSupplier docker(boolean answers) {
        return () -> {
            probes.incrementAndGet();
            return answers;
        };
    }

    private VariantChoice choose(boolean dockerAnswers) {
        return VariantSelection.choose(Settings.of(properties, environment), docker(dockerAnswers));
    }

    @Test
    void autoWithoutDockerIsEmbedded() {
        VariantChoice choice = choose(false);

        assertThat(choice.kafka()).isEqualTo(Variant.EMBEDDED);
        assertThat(choice.postgres()).isEqualTo(Variant.EMBEDDED);
        assertThat(choice.overall()).isEqualTo(Variant.EMBEDDED);
        assertThat(choice.reason()).isEqualTo("no Docker engine answered");
    }

    @Test
    void autoWithDockerIsTestcontainers() {
        VariantChoice choice = choose(true);

        assertThat(choice.overall()).isEqualTo(Variant.TESTCONTAINERS);
        assertThat(choice.reason()).isEqualTo("a Docker engine answered");
    }

    @Test
    void externalKafkaAloneKeepsPostgresOnTheFallback() {
        environment.put(Settings.KAFKA_BOOTSTRAP_SERVERS, "kafka.test:9092");

        VariantChoice choice = choose(false);

        assertThat(choice.kafka()).isEqualTo(Variant.EXTERNAL);
        assertThat(choice.postgres()).isEqualTo(Variant.EMBEDDED);
        assertThat(choice.overall()).isEqualTo(Variant.EXTERNAL);
        assertThat(choice.reason()).isEqualTo(
                "Kafka from PROVISIONING_TEST_KAFKA_BOOTSTRAP_SERVERS; no Docker engine answered");
    }

    @Test
    void externalPostgresAloneKeepsKafkaOnTheFallback() {
        environment.put(Settings.POSTGRES_URL, "jdbc:postgresql://db.test/postgres");

        VariantChoice choice = choose(true);

        assertThat(choice.kafka()).isEqualTo(Variant.TESTCONTAINERS);
        assertThat(choice.postgres()).isEqualTo(Variant.EXTERNAL);
    }

    @Test
    void bothExternalNeverProbesDocker() {
        environment.put(Settings.KAFKA_BOOTSTRAP_SERVERS, "kafka.test:9092");
        environment.put(Settings.POSTGRES_URL, "jdbc:postgresql://db.test/postgres");

        VariantChoice choice = choose(true);

        assertThat(choice.kafka()).isEqualTo(Variant.EXTERNAL);
        assertThat(choice.postgres()).isEqualTo(Variant.EXTERNAL);
        assertThat(probes).hasValue(0);
    }

    @Test
    void blankExternalSettingsCountAsUnset() {
        environment.put(Settings.KAFKA_BOOTSTRAP_SERVERS, "  ");

        assertThat(choose(false).kafka()).isEqualTo(Variant.EMBEDDED);
    }

    @Test
    void forcedEmbeddedIgnoresDockerAndExternalSettings() {
        environment.put(Settings.INFRA, "embedded");
        environment.put(Settings.KAFKA_BOOTSTRAP_SERVERS, "kafka.test:9092");

        VariantChoice choice = choose(true);

        assertThat(choice.overall()).isEqualTo(Variant.EMBEDDED);
        assertThat(choice.postgres()).isEqualTo(Variant.EMBEDDED);
        assertThat(choice.reason()).isEqualTo("PROVISIONING_TEST_INFRA=embedded; external server settings ignored");
        assertThat(probes).hasValue(0);
    }

    @Test
    void forcedTestcontainersWithoutDockerFailsInsteadOfFallingBack() {
        environment.put(Settings.INFRA, "testcontainers");

        assertThatThrownBy(() -> choose(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine answered");
    }

    @Test
    void forcedTestcontainersWithDocker() {
        environment.put(Settings.INFRA, "TestContainers");

        assertThat(choose(true).overall()).isEqualTo(Variant.TESTCONTAINERS);
    }

    @Test
    void forcedExternalNamesWhatIsMissing() {
        environment.put(Settings.INFRA, "external");
        environment.put(Settings.KAFKA_BOOTSTRAP_SERVERS, "kafka.test:9092");

        assertThatThrownBy(() -> choose(true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PROVISIONING_TEST_INFRA=external but PROVISIONING_TEST_POSTGRES_URL is not set");
    }

    @Test
    void forcedExternalWithBothSet() {
        environment.put(Settings.INFRA, "external");
        environment.put(Settings.KAFKA_BOOTSTRAP_SERVERS, "kafka.test:9092");
        environment.put(Settings.POSTGRES_URL, "jdbc:postgresql://db.test/postgres");

        VariantChoice choice = choose(false);

        assertThat(choice.kafka()).isEqualTo(Variant.EXTERNAL);
        assertThat(choice.postgres()).isEqualTo(Variant.EXTERNAL);
        assertThat(probes).hasValue(0);
    }

    @Test
    void systemPropertyBeatsEnvironment() {
        environment.put(Settings.INFRA, "testcontainers");
        properties.put("provisioning.test.infra", "embedded");

        VariantChoice choice = choose(false);

        assertThat(choice.overall()).isEqualTo(Variant.EMBEDDED);
        assertThat(choice.reason()).startsWith("-Dprovisioning.test.infra=embedded");
    }

    @Test
    void externalServersCanComeFromSystemProperties() {
        properties.put("provisioning.test.kafka.bootstrap.servers", "kafka.test:9092");

        VariantChoice choice = choose(false);

        assertThat(choice.kafka()).isEqualTo(Variant.EXTERNAL);
        assertThat(choice.reason()).startsWith("Kafka from -Dprovisioning.test.kafka.bootstrap.servers");
    }

    @Test
    void modeParsing() {
        assertThat(Mode.parse(null)).isEqualTo(Mode.AUTO);
        assertThat(Mode.parse("")).isEqualTo(Mode.AUTO);
        assertThat(Mode.parse(" Auto ")).isEqualTo(Mode.AUTO);
        assertThat(Mode.parse("EMBEDDED")).isEqualTo(Mode.EMBEDDED);
        assertThat(Mode.parse("external")).isEqualTo(Mode.EXTERNAL);
        assertThatThrownBy(() -> Mode.parse("docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PROVISIONING_TEST_INFRA=docker is not one of auto|embedded|testcontainers|external");
    }

    @Test
    void unknownModeFailsTheSelection() {
        environment.put(Settings.INFRA, "kubernetes");

        assertThatThrownBy(() -> choose(false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(probes).hasValue(0);
    }

    @Test
    void propertyNamesFollowTheVariables() {
        assertThat(Settings.propertyName(Settings.INFRA)).isEqualTo("provisioning.test.infra");
        assertThat(Settings.propertyName(Settings.POSTGRES_PASSWORD)).isEqualTo("provisioning.test.postgres.password");
    }
}
