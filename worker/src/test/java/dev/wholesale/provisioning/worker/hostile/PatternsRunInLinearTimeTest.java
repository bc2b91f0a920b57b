package dev.wholesale.provisioning.worker.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The worker's own regular expressions run on text a hostile sender chooses: the masking of log
 * lines and dead letters reads exception messages that quote what was sent (up to 16,384
 * characters a string). Each {@code static final Pattern} of the worker's code, found on its own,
 * must read such a text a linear number of times when all its matches are searched for, as
 * {@code replaceAll} does, and must not overflow a listener thread's stack.
 */
class PatternsRunInLinearTimeTest {

    private static final JavaClasses WORKER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.wholesale.provisioning.worker");

    /** Values the patterns are written for, to start attacks from their middle. */
    private static final List<String> SAMPLES = List.of("anna.hansen@fjord-bakery.dk", "\"john doe\"@example.com",
            "user@[192.0.2.1]", "+45 32 12 34 56", "+1 (555) 123-4567", "32 12 34 56",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

    @TestFactory
    Stream<DynamicTest> everyPatternOfTheWorkerReadsAHostileTextALinearNumberOfTimes() throws IllegalAccessException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JavaField field : patternConstants()) {
            Pattern pattern = valueOf(field);
            tests.add(DynamicTest.dynamicTest(field.getFullName(), () -> {
                Attack.Growth worst = Attack.worst(input -> findsAll(pattern, input), Attack.all(SAMPLES));

                assertThat(worst.isLinear()).as(field.getFullName() + " " + pattern + ": " + worst).isTrue();
            }));
        }
        return tests.stream();
    }

    @Test
    void thePatternsAreFoundOnTheirOwn() {
        assertThat(patternConstants()).extracting(JavaField::getFullName).contains(
                "dev.wholesale.provisioning.worker.observability.PersonalDataMask.EMAIL",
                "dev.wholesale.provisioning.worker.request.Traceparent.FORMAT");
    }

    /** The e-mail pattern masking used before, unanchored and run with replaceAll: this test would have failed on it. */
    @Test
    void theQuadraticMaskOfBeforeIsCaught() {
        Pattern quadratic = Pattern.compile("[A-Za-z0-9._%+'-]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}");

        Attack.Growth worst = Attack.worst(input -> findsAll(quadratic, input), Attack.all(SAMPLES));

        assertThat(worst.factor()).as(worst.toString()).isGreaterThan(Attack.MOST_LINEAR_GROWTH * 2);
    }

    /**
     * A regex compiled anywhere but into a constant would escape the test above: String.matches,
     * replaceAll and replaceFirst, Pattern.matches, and Pattern.compile outside a static initializer
     * are not used. (String.split with one plain character, as LogContext uses it, does not run the
     * regex engine.)
     */
    @Test
    void regularExpressionsAreCompiledOnlyIntoConstants() {
        List<String> elsewhere = new ArrayList<>();
        for (JavaClass type : WORKER) {
            for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
                String owner = call.getTarget().getOwner().getName();
                String name = call.getTarget().getName();
                boolean stringRegex = owner.equals(String.class.getName())
                        && List.of("matches", "replaceAll", "replaceFirst").contains(name);
                boolean patternRegex = owner.equals(Pattern.class.getName()) && (name.equals("matches")
                        || name.equals("compile") && !(call.getOrigin() instanceof JavaStaticInitializer));
                if (stringRegex || patternRegex) {
                    elsewhere.add(call.getDescription());
                }
            }
        }
        assertThat(elsewhere).isEmpty();
    }

    private static List<JavaField> patternConstants() {
        List<JavaField> found = new ArrayList<>();
        for (JavaClass type : WORKER) {
            for (JavaField field : type.getFields()) {
                if (field.getRawType().isEquivalentTo(Pattern.class) && field.getModifiers().contains(JavaModifier.STATIC)) {
                    found.add(field);
                }
            }
        }
        return found;
    }

    private static Pattern valueOf(JavaField field) throws IllegalAccessException {
        Field reflected = field.reflect();
        reflected.setAccessible(true);
        return (Pattern) reflected.get(null);
    }

    private static boolean findsAll(Pattern pattern, CharSequence input) {
        Matcher matcher = pattern.matcher(input);
        boolean found = false;
        while (matcher.find()) {
            found = true;
        }
        return found;
    }
}
