package dev.wholesale.provisioning.contracts.intake;

/**
 * Strings that JSON allows but that must not reach the store or the logs: control characters
 * (PostgreSQL text cannot hold NUL at all) and unpaired UTF-16 surrogates (not encodable as UTF-8).
 */
public final class TextSafety {

    private TextSafety() {
    }

    /** Why this text is unsafe, or null if it is fine. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must be valid Unicode (unpaired surrogate)";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode (unpaired surrogate)";
            }
        }
        return null;
    }

    public static boolean isSafe(String text) {
        return problem(text) == null;
    }
}
