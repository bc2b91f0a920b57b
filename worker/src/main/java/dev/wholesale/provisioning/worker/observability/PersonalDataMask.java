package dev.wholesale.provisioning.worker.observability;

import java.util.regex.Pattern;

/**
 * Removes e-mail addresses and phone numbers from text bound for the logs. Our own log lines name
 * only partners and request ids, but exception messages quote values (a unique-constraint error
 * quotes the e-mail that clashed), so everything is masked on the way out.
 */
public final class PersonalDataMask {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9 ().-]{5,18}[0-9]");

    private PersonalDataMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll(match -> "***@" + domainOf(match.group()));
        return PHONE.matcher(masked).replaceAll(match -> match.group().substring(0, 3) + "***");
    }

    private static String domainOf(String email) {
        return java.util.regex.Matcher.quoteReplacement(email.substring(email.indexOf('@') + 1));
    }
}
