package dev.wholesale.provisioning.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.networknt.schema.format.AbstractRFC3986Format;
import com.networknt.schema.format.DateTimeFormat;
import com.networknt.schema.format.Format;
import com.networknt.schema.format.Formats;
import com.networknt.schema.format.PatternFormat;
import com.networknt.schema.regex.RegularExpressions;

/**
 * Validators run every pattern on every string, however long (networknt checks {@code pattern}
 * even when {@code maxLength} has already failed), so a hostile sender chooses strings of up to
 * 16,384 characters. Each pattern of the schemas, and each regular expression behind a format they
 * use, must read such a string a number of times that grows linearly with its length, and must not
 * overflow a listener thread's stack.
 */
class PatternsRunInLinearTimeTest {

    private static final List<String> EXAMPLE_STRINGS = SchemaPatterns.exampleStrings();

    @TestFactory
    Stream<DynamicTest> everySchemaPatternReadsAHostileStringALinearNumberOfTimes() {
        return SchemaPatterns.regexes().stream().map(regex -> DynamicTest.dynamicTest(regex.toString(), () -> {
            Pattern pattern = asTheValidatorCompilesIt(regex.regex());
            Attack.Growth worst = Attack.worst(input -> pattern.matcher(input).find(),
                    Attack.all(samplesFoundBy(pattern)));

            assertThat(worst.isLinear()).as(regex + ": " + worst).isTrue();
        }));
    }

    @Test
    void theSchemasArePatternsFoundOnTheirOwn() {
        assertThat(SchemaPatterns.regexes()).extracting(SchemaPatterns.Regex::pointer)
                .contains("/$defs/email/pattern", "/$defs/timezone/pattern", "/properties/traceparent/pattern")
                // "pattern" inside "message" is the text of an error message, not a pattern
                .noneMatch(pointer -> pointer.contains("/message/"));
    }

    /** The pattern of catalogue v1 that held a partition for 45 s: this test would have failed on it. */
    @Test
    void theQuadraticEmailPatternOfBeforeIsCaught() {
        Pattern quadratic = asTheValidatorCompilesIt("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

        Attack.Growth worst = Attack.worst(input -> quadratic.matcher(input).find(),
                Attack.all(samplesFoundBy(quadratic)));

        assertThat(worst.factor()).as(worst.toString()).isGreaterThan(Attack.MOST_LINEAR_GROWTH * 2);
    }

    @TestFactory
    Stream<DynamicTest> everyFormatTheSchemasUseIsCheckedInLinearTime() {
        return SchemaPatterns.formats().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Format format = formatNamed(name);
            if (format instanceof DateTimeFormat) {
                // Parsed by Ethlo's ITU parser, one pass without a regex (or by java.time when Ethlo is
                // absent); the worker's CPU budget test sends it hostile values.
                return;
            }
            Predicate<CharSequence> check = regexCheckOf(format);
            Attack.Growth worst = Attack.worst(check, Attack.all(EXAMPLE_STRINGS.stream()
                    .filter(value -> format.matches(null, value)).distinct().limit(5).toList()));

            assertThat(worst.isLinear()).as("format " + name + ": " + worst).isTrue();
        }));
    }

    /** As the library's JDKRegularExpression compiles a schema's pattern, which it then runs with find(). */
    static Pattern asTheValidatorCompilesIt(String regex) {
        return Pattern.compile(RegularExpressions.replaceLongformCharacterProperties(RegularExpressions.replaceDollarAnchors(regex)));
    }

    /** A few example values the pattern accepts, to start attacks from its middle. */
    private static List<String> samplesFoundBy(Pattern pattern) {
        return EXAMPLE_STRINGS.stream().filter(value -> pattern.matcher(value).find()).distinct().limit(5).toList();
    }

    /** The format the validator uses: its own, else the library's. */
    private static Format formatNamed(String name) {
        Map<String, Format> formats = new LinkedHashMap<>();
        Formats.DEFAULT.forEach(format -> formats.put(format.getName(), format));
        SchemaValidator.OWN_FORMATS.forEach(format -> formats.put(format.getName(), format));
        assertThat(formats).as("format " + name).containsKey(name);
        return formats.get(name);
    }

    /**
     * The regular expression behind a format, read from the library's private fields: it offers no
     * other way, and a format whose implementation is not one of these must be looked at before it
     * is used.
     */
    private static Predicate<CharSequence> regexCheckOf(Format format) throws ReflectiveOperationException {
        if (format instanceof JsonPointerFormat) {
            return JsonPointerFormat::isJsonPointer;
        }
        if (format instanceof PatternFormat) {
            Pattern pattern = (Pattern) privateField(PatternFormat.class, "pattern").get(format);
            return input -> pattern.matcher(input).matches();
        }
        if (format instanceof AbstractRFC3986Format) {
            // java.net.URI parses in one pass; what it refuses is matched against this pattern.
            Pattern valid = (Pattern) privateField(AbstractRFC3986Format.class, "VALID").get(null);
            return input -> valid.matcher(input).matches();
        }
        throw new AssertionError("format " + format.getName() + " is checked by " + format.getClass().getName()
                + ": find out how, make sure it is linear, and add it here");
    }

    private static Field privateField(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
