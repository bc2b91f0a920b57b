package dev.wholesale.provisioning.contracts.validation;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * The {@code json-pointer} format, accepting exactly what the schema library's own regex
 * {@code ^(/([^/#~]|[~](?=[01]))*)*$} accepts, checked by a loop. java.util.regex recurses once per
 * character on that regex, so a pointer of about 2,000 characters overflows a thread's default stack;
 * the result schema allows pointers of 65,536.
 */
final class JsonPointerFormat implements Format {

    @Override
    public String getName() {
        return "json-pointer";
    }

    @Override
    public String getMessageKey() {
        return "format.json-pointer";
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return isJsonPointer(value);
    }

    /** Empty, or a {@code /} and then no {@code #}, and every {@code ~} followed by {@code 0} or {@code 1}. */
    static boolean isJsonPointer(CharSequence value) {
        int length = value.length();
        if (length == 0) {
            return true;
        }
        if (value.charAt(0) != '/') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (c == '#') {
                return false;
            }
            if (c == '~') {
                char next = i + 1 < length ? value.charAt(i + 1) : ' ';
                if (next != '0' && next != '1') {
                    return false;
                }
            }
        }
        return true;
    }
}
