package dev.wholesale.provisioning.contracts.idempotency;

import java.nio.charset.StandardCharsets;
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
     * 1.0 and 1 are the same number. A double beyond the range of a double (JSON allows 1e400) has
     * no decimal value; it is hashed by its spelling instead of failing.
     */
    private static String canonicalNumber(JsonNode number) {
        if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
            return "non-finite:" + number.asString();
        }
        return number.decimalValue().stripTrailingZeros().toPlainString();
    }

    /** Length-prefixed, so that ["ab","c"] and ["a","bc"] differ. */
    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length;
        digest.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
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
