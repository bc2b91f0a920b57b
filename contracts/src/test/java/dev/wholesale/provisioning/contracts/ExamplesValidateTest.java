package dev.wholesale.provisioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.wholesale.provisioning.contracts.validation.FieldError;
import dev.wholesale.provisioning.contracts.validation.SchemaValidator;

import tools.jackson.databind.JsonNode;

/**
 * Every example is checked against the envelope schemas the way a sender (or the worker) checks a
 * message: valid ones have no errors, invalid ones exactly those listed in
 * {@code examples/invalid/expected-errors.json}, one per broken field.
 */
class ExamplesValidateTest {

    private static final SchemaValidator REQUESTS = SchemaValidator.forRequests();
    private static final SchemaValidator RESULTS = SchemaValidator.forResults();
    private static final JsonNode EXPECTED = Examples.read(Examples.ROOT.resolve("invalid/expected-errors.json"));

    static List<Path> validExamples() {
        return Examples.valid();
    }

    static List<Path> invalidExamples() {
        return Examples.invalid();
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void aValidExampleHasNoErrors(Path example) {
        JsonNode event = Examples.read(example);
        SchemaValidator validator = Examples.isResult(event) ? RESULTS : REQUESTS;
        assertThat(validator.validate(event)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void anInvalidExampleHasExactlyTheExpectedErrorsOnePerField(Path example) {
        JsonNode expectation = EXPECTED.get(example.getFileName().toString());
        assertThat(expectation).as("expected-errors.json has an entry for " + example.getFileName()).isNotNull();
        assertThat(expectation.path("description").asString()).as("description").isNotBlank();

        List<FieldError> errors = REQUESTS.validate(Examples.read(example));

        assertThat(errors.stream().map(ExamplesValidateTest::where).toList())
                .as("one error per broken field").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expectedWheres(expectation));
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).isNotBlank());
    }

    @Test
    void everyExpectationBelongsToAnInvalidExample() {
        List<String> files = invalidExamples().stream().map(path -> path.getFileName().toString()).toList();
        assertThat(EXPECTED.propertyNames()).containsExactlyInAnyOrderElementsOf(files);
    }

    private static String where(FieldError error) {
        String where = error.attribute() != null ? "attribute " + error.attribute() : "pointer " + error.pointer();
        return error.code() + " at " + where;
    }

    private static List<String> expectedWheres(JsonNode expectation) {
        List<String> wheres = new ArrayList<>();
        for (JsonNode error : expectation.path("errors")) {
            String where = error.path("attribute").isString() ? "attribute " + error.path("attribute").asString()
                    : "pointer " + error.path("pointer").asString();
            wheres.add(error.path("code").asString() + " at " + where);
        }
        return wheres;
    }
}
