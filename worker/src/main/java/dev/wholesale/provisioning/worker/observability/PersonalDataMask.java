package dev.wholesale.provisioning.worker.observability;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes e-mail addresses and phone numbers from text bound for the logs and dead letters. Our own
 * log lines name only partners and request ids, but exception messages quote values (a
 * unique-constraint error quotes the e-mail that clashed, a parser error the token it choked on), so
 * everything is masked on the way out. An address keeps its domain, a number its country code.
 *
 * <p>The text can be a hostile sender's 16,384-character string, so every pattern reads it a
 * linear number of times ({@code PatternsRunInLinearTimeTest} attacks each): repetitions are
 * possessive or bounded, and a run of local-part characters is tried from its first character
 * only.
 */
public final class PersonalDataMask {

    /** What an unquoted local part may hold: anything but white space, {@code @} and what delimits an address in text. */
    private static final String LOCAL = "[^\\s@\"(),:;<>\\[\\]]";
    /** A character of a domain label, IDN labels included. */
    private static final String LABEL = "[\\p{L}\\p{M}\\p{N}-]";

    /**
     * A quoted local part, or the whole run of local-part characters before the {@code @}; then a
     * domain name whose last label starts with a letter ({@code topic-2@1234} is a record, and
     * {@code java.base@17.0.15} a module), or an address literal in brackets.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "(?:\"[^\"\\r\\n]{1,64}+\"|(?<!" + LOCAL + ")" + LOCAL + "++)@"
                    + "(\\[(?:IPv6:)?[0-9A-Fa-f:.]{2,39}+]|(?:" + LABEL + "{1,63}+\\.){1,16}\\p{L}" + LABEL + "{0,62}+)");

    /** + or 00, a country code, and 6 to 16 more digits, each after an optional space, dot or hyphen, or in brackets. */
    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile(
            "(?:(?<![\\w+])\\+|(?<![\\w+.:/-])00)[1-9](?:[ .-]?+(?:\\(\\d{1,4}+\\)|\\d)){6,16}+");

    /** (555) 123-4567, 555-123-4567, 555.123.4567; 32 12 34 56 and 01 23 45 67 89. */
    private static final Pattern NATIONAL_PHONE = Pattern.compile(
            "(?<![\\w+(.:/-])(?:(?:\\(\\d{3}\\) ?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}|\\d{2}(?:[ -]\\d{2}){3,4}+)(?![\\w:/-])");

    private PersonalDataMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll(match -> "***@" + Matcher.quoteReplacement(match.group(1)));
        masked = INTERNATIONAL_PHONE.matcher(masked).replaceAll(match -> countryPrefixOf(match.group()) + "***");
        return NATIONAL_PHONE.matcher(masked).replaceAll("***");
    }

    /** +45 of +45 32 12 34 56, 0045 of 0045 32 12 34 56: the part that tells only the country. */
    private static String countryPrefixOf(String number) {
        return number.substring(0, number.startsWith("+") ? 3 : 4);
    }
}
