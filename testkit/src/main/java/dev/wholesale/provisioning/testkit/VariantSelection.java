package dev.wholesale.provisioning.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Decides which {@link Variant} each server gets. Pure logic: it starts nothing, and the Docker probe is
 * passed in (and only asked when a server still needs a home), so it is unit-tested without servers.
 *
 * <p>Order in {@link Mode#AUTO}: a server named in the environment is used as is (Kafka and PostgreSQL
 * independently); the rest go to Testcontainers when a Docker engine answers, otherwise embedded.
 * A forced mode never falls back silently: asking for Testcontainers without Docker, or for external
 * servers that are not named, is an error that says what is missing.
 */
public final class VariantSelection {

    private VariantSelection() {
    }

    /** Mode from {@code PROVISIONING_TEST_INFRA} / {@code -Dprovisioning.test.infra}. */
    public static VariantChoice choose(Settings settings, BooleanSupplier dockerAnswers) {
        return choose(settings, settings.mode(), settings.source(Settings.INFRA), dockerAnswers);
    }

    /**
     * @param modeSource who asked for {@code mode}, for the explanation (e.g. {@code PROVISIONING_TEST_INFRA}
     *                   or {@code LocalServers default})
     */
    static VariantChoice choose(Settings settings, Mode mode, String modeSource, BooleanSupplier dockerAnswers) {
        return switch (mode) {
            case EMBEDDED -> forcedEmbedded(settings, modeSource);
            case TESTCONTAINERS -> forcedTestcontainers(settings, modeSource, dockerAnswers);
            case EXTERNAL -> forcedExternal(settings, modeSource);
            case AUTO -> auto(settings, dockerAnswers);
        };
    }

    private static VariantChoice forcedEmbedded(Settings settings, String modeSource) {
        return new VariantChoice(Variant.EMBEDDED, Variant.EMBEDDED,
                forcedReason(modeSource, "embedded") + ignoredExternal(settings));
    }

    private static VariantChoice forcedTestcontainers(Settings settings, String modeSource, BooleanSupplier dockerAnswers) {
        if (!dockerAnswers.getAsBoolean()) {
            throw new IllegalStateException(forcedReason(modeSource, "testcontainers")
                    + " but no Docker engine answered; use auto or embedded to run without Docker");
        }
        return new VariantChoice(Variant.TESTCONTAINERS, Variant.TESTCONTAINERS,
                forcedReason(modeSource, "testcontainers") + ignoredExternal(settings));
    }

    private static VariantChoice forcedExternal(Settings settings, String modeSource) {
        List<String> missing = new ArrayList<>();
        if (!settings.externalKafkaConfigured()) {
            missing.add(Settings.KAFKA_BOOTSTRAP_SERVERS);
        }
        if (!settings.externalPostgresConfigured()) {
            missing.add(Settings.POSTGRES_URL);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(forcedReason(modeSource, "external") + " but " + String.join(" and ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not set");
        }
        return new VariantChoice(Variant.EXTERNAL, Variant.EXTERNAL, forcedReason(modeSource, "external"));
    }

    private static VariantChoice auto(Settings settings, BooleanSupplier dockerAnswers) {
        boolean externalKafka = settings.externalKafkaConfigured();
        boolean externalPostgres = settings.externalPostgresConfigured();
        List<String> reasons = new ArrayList<>();
        if (externalKafka) {
            reasons.add("Kafka from " + settings.source(Settings.KAFKA_BOOTSTRAP_SERVERS));
        }
        if (externalPostgres) {
            reasons.add("PostgreSQL from " + settings.source(Settings.POSTGRES_URL));
        }
        Variant fallback = null;
        if (!externalKafka || !externalPostgres) {
            // Only probe Docker when something still needs a server: the probe can cost a few seconds.
            boolean docker = dockerAnswers.getAsBoolean();
            fallback = docker ? Variant.TESTCONTAINERS : Variant.EMBEDDED;
            reasons.add(docker ? "a Docker engine answered" : "no Docker engine answered");
        }
        return new VariantChoice(
                externalKafka ? Variant.EXTERNAL : fallback,
                externalPostgres ? Variant.EXTERNAL : fallback,
                String.join("; ", reasons));
    }

    private static String forcedReason(String modeSource, String value) {
        return modeSource + "=" + value;
    }

    private static String ignoredExternal(Settings settings) {
        return settings.externalKafkaConfigured() || settings.externalPostgresConfigured()
                ? "; external server settings ignored" : "";
    }
}
