package dev.wholesale.provisioning.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Patterns rewritten to run in linear time accept and refuse what they did before. */
class RewrittenPatternsAcceptTheSameTest {

    private static final Pattern EMAIL_BEFORE = compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern TIMEZONE_BEFORE = compile("^[A-Za-z]+(?:[/_+\\-][A-Za-z0-9]+)*$");

    @ParameterizedTest
    @ValueSource(strings = {"anna@fjord-bakery.dk", "a@b.c", "anna+orders@x.dk", "j\u00f8rgen@eksempel.dk",
            "\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a", "\"john doe\"@example.com", "\"john\"@example.com", "user@[192.0.2.1]",
            "a@b..c", "a@.b.c", "a@b.c.", "a@...", "a@b.c..", "a@.b", "a@b.", "a@..", "a@b", "@b.c", "a@@b.c", "a@b.c@d",
            "a b@c.d", "a@b\t.c", "a@b.c ", "a\u00a0b@c.d",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx@b.c",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx@b.c"})
    void theEmailPatternAcceptsWhatItDidBefore(String value) {
        assertThat(matches(schemaPattern("/$defs/email/pattern"), value)).isEqualTo(matches(EMAIL_BEFORE, value));
    }

    @Test
    void theTimezonePatternAcceptsEveryZoneOfTheJdkThatItDidBefore() {
        Pattern timezone = schemaPattern("/$defs/timezone/pattern");

        assertThat(ZoneId.getAvailableZoneIds()).hasSizeGreaterThan(500)
                .allSatisfy(zone -> assertThat(matches(timezone, zone)).as(zone).isEqualTo(matches(TIMEZONE_BEFORE, zone)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Copenhagen", "America/Argentina/Buenos_Aires", "Etc/GMT+1", "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q",
            "a/", "/a", "a//b", "1/a", "Europe/Copenhagen!", "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-a-b-c-d-e-f"})
    void theTimezonePatternAcceptsWhatItDidBeforeUpToTheSchemasMaxLength(String value) {
        assertThat(value).hasSizeLessThanOrEqualTo(64);
        assertThat(matches(schemaPattern("/$defs/timezone/pattern"), value)).isEqualTo(matches(TIMEZONE_BEFORE, value));
    }

    private static Pattern schemaPattern(String pointer) {
        return compile(SchemaPatterns.regexes().stream().filter(regex -> regex.file().equals("common.schema.json")
                && regex.pointer().equals(pointer)).findFirst().orElseThrow().regex());
    }

    private static Pattern compile(String regex) {
        return PatternsRunInLinearTimeTest.asTheValidatorCompilesIt(regex);
    }

    private static boolean matches(Pattern pattern, String value) {
        return pattern.matcher(value).find();
    }
}
