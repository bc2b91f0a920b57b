package dev.wholesale.provisioning.contracts.idempotency;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The fingerprint that decides whether a repeated request id carries "the same content". It covers
 * the request type and its {@code data}, compared as JSON values: property order, white space and
 * number spelling ({@code 1.0} vs {@code 1}) do not matter; envelope attributes such as
 * {@code time} or {@code source} do not either, so a sender may re-send with a fresh envelope.
 * Any other difference is other content: every UTF-16 code unit of a string counts (an unpaired
 * surrogate is not a '?'), and numbers compare exactly when they were read as {@code BigDecimal}
 * (as the worker reads them), however large.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static byte[] of(String type, JsonNode data) {
        MessageDigest digest = sha256();
        update(digest, "type");
        update(digest, type);
        feed(digest, data);
        return digest.digest();
    }

    /** For records that cannot be parsed, the raw bytes are the content. */
    public static byte[] ofBytes(byte[] value) {
        return sha256().digest(value == null ? new byte[0] : value);
    }

    private static void feed(MessageDigest digest, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            digest.update((byte) 'n');
        } else if (node.isObject()) {
            digest.update((byte) '{');
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(null);
            for (String name : names) {
                update(digest, name);
                feed(digest, node.get(name));
            }
            digest.update((byte) '}');
        } else if (node.isArray()) {
            digest.update((byte) '[');
            for (JsonNode element : node) {
                feed(digest, element);
            }
            digest.update((byte) ']');
        } else if (node.isNumber()) {
            digest.update((byte) '#');
            update(digest, canonicalNumber(node));
        } else if (node.isBoolean()) {
            digest.update((byte) (node.booleanValue() ? 't' : 'f'));
        } else {
            digest.update((byte) 's');
            update(digest, node.asString());
        }
    }

    /**
     * 1.0, 1 and 1e0 are the same number: one spelling per value (unscaled digits and exponent,
     * so that 1e999999999 stays short). A number read as a double beyond its range (1e400 becomes
     * Infinity) has no decimal value; it is hashed as infinite instead of failing.
     */
    private static String canonicalNumber(JsonNode number) {
        if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
            return "non-finite:" + number.doubleValue();
        }
        BigDecimal value = number.decimalValue().stripTrailingZeros();
        return value.unscaledValue() + "e" + (-(long) value.scale());
    }

    /**
     * Length-prefixed, so that ["ab","c"] and ["a","bc"] differ; code unit by code unit, because an
     * encoding to UTF-8 would turn every unpaired surrogate into the same '?'.
     */
    private static void update(MessageDigest digest, String text) {
        int length = text.length();
        byte[] bytes = new byte[4 + 2 * length];
        bytes[0] = (byte) (length >>> 24);
        bytes[1] = (byte) (length >>> 16);
        bytes[2] = (byte) (length >>> 8);
        bytes[3] = (byte) length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            bytes[4 + 2 * i] = (byte) (c >>> 8);
            bytes[5 + 2 * i] = (byte) c;
        }
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
