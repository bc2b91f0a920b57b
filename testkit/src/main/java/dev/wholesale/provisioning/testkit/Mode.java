package dev.wholesale.provisioning.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the user asked for with {@code PROVISIONING_TEST_INFRA} / {@code -Dprovisioning.test.infra}.
 * {@link #AUTO} lets {@link VariantSelection} decide per server; the others force one {@link Variant} for both.
 */
public enum Mode {
    AUTO, EMBEDDED, TESTCONTAINERS, EXTERNAL;

    /** Parses a setting value; {@code null} or blank means {@link #AUTO}. Unknown values fail loudly, not silently fall back. */
    public static Mode parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT);
        for (Mode mode : values()) {
            if (mode.name().equals(normalized)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(Settings.INFRA + "=" + value + " is not one of "
                + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|")));
    }

    /** The forced variant, or {@code null} for {@link #AUTO}. */
    Variant forcedVariant() {
        return switch (this) {
            case AUTO -> null;
            case EMBEDDED -> Variant.EMBEDDED;
            case TESTCONTAINERS -> Variant.TESTCONTAINERS;
            case EXTERNAL -> Variant.EXTERNAL;
        };
    }
}
