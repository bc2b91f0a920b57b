package dev.wholesale.provisioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.wholesale.provisioning.contracts.validation.FieldError;
import dev.wholesale.provisioning.contracts.validation.SchemaValidator;

import tools.jackson.databind.JsonNode;

/** Every example is checked against the schemas the way a sender (or the worker) checks a message. */
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
        List<FieldError> errors = REQUESTS.validate(Examples.read(example));
        assertThat(errors.stream().map(ExamplesValidateTest::where).collect(Collectors.toList()))
                .as("one error per broken field").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expectedWheres(expectation));
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void everyInvalidExampleIsDescribed(Path example) {
        assertThat(EXPECTED.path(example.getFileName().toString()).path("description").asString()).isNotBlank();
    }

    private static String where(FieldError error) {
        return error.attribute() != null ? "attribute " + error.attribute() : "pointer " + error.pointer();
    }

    private static Set<String> expectedWheres(JsonNode expectation) {
        Set<String> wheres = new HashSet<>();
        for (JsonNode error : expectation.path("errors")) {
            wheres.add(error.path("attribute").isString() ? "attribute " + error.path("attribute").asString()
                    : "pointer " + error.path("pointer").asString());
        }
        return wheres;
    }
}
