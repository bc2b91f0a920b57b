package dev.wholesale.provisioning.testkit;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Unique names, so tests sharing one broker and one server never see each other's topics, groups
 * or databases, and a re-run never trips over leftovers on an external server.
 */
public final class Names {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int SUFFIX_LENGTH = 8; // 36^8 ≈ 2.8e12: collisions are not a practical concern
    /** PostgreSQL truncates identifiers at 63 bytes; keep the random suffix inside that. */
    private static final int MAX_DATABASE_PREFIX = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Names() {
    }

    /** {@code prefix-xxxxxxxx}: a topic, consumer group or transactional id. Kafka allows [a-zA-Z0-9._-]. */
    public static String unique(String prefix) {
        String base = prefix == null || prefix.isBlank() ? "test" : prefix.trim();
        return base + "-" + suffix();
    }

    /**
     * {@code prefix_xxxxxxxx} as a safe, unquoted PostgreSQL identifier: lower case, [a-z0-9_],
     * starting with a letter. {@code "OrderIntakeIT"} becomes {@code orderintakeit_k3x9q0ab}.
     */
    public static String uniqueDatabase(String prefix) {
        String base = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        base = base.replaceAll("^_+|_+$", "");
        if (base.isEmpty()) {
            base = "db";
        } else if (!Character.isLetter(base.charAt(0))) {
            base = "db_" + base;
        }
        if (base.length() > MAX_DATABASE_PREFIX) {
            base = base.substring(0, MAX_DATABASE_PREFIX);
        }
        return base + "_" + suffix();
    }

    private static String suffix() {
        char[] chars = new char[SUFFIX_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
