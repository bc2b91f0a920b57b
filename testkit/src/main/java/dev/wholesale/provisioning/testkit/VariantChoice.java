package dev.wholesale.provisioning.testkit;

import java.util.Objects;

/**
 * The variant picked for each server, and why (printed in the startup line).
 *
 * @param kafka    where Kafka comes from
 * @param postgres where PostgreSQL comes from
 * @param reason   short human explanation, e.g. "no Docker engine answered"
 */
public record VariantChoice(Variant kafka, Variant postgres, String reason) {

    public VariantChoice {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(postgres, "postgres");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * One word for the whole setup: {@link Variant#EXTERNAL} as soon as either server comes from the
     * environment (ask {@link #kafka()} / {@link #postgres()} for which), otherwise the variant both share.
     */
    public Variant overall() {
        if (kafka == Variant.EXTERNAL || postgres == Variant.EXTERNAL) {
            return Variant.EXTERNAL;
        }
        return kafka;
    }
}
