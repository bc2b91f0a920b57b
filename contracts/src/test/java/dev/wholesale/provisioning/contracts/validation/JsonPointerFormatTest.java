package dev.wholesale.provisioning.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.networknt.schema.format.Format;
import com.networknt.schema.format.Formats;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The validator's own json-pointer check accepts what the library's regex accepts, on any length. */
class JsonPointerFormatTest {

    private static final Format LIBRARY = Formats.DEFAULT.stream()
            .filter(format -> format.getName().equals("json-pointer")).findFirst().orElseThrow();

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "//", "/users/3/primaryPhoneNumber", "/a~0b", "/a~1b", "/~01", "/ä/用户",
            "/with space", "a", "users/3", "#", "/#", "/a#b", "/~", "/a~", "/~2", "/~~0", "~0", "/\u0000"})
    void acceptsWhatTheLibrarysRegexAccepts(String value) {
        assertThat(JsonPointerFormat.isJsonPointer(value)).isEqualTo(LIBRARY.matches(null, value));
    }

    @Test
    void aResultWithAPointerOfSixtyFourThousandCharactersIsValidatedWithoutOverflowingTheStack() throws IOException {
        ObjectNode result = (ObjectNode) JsonMapper.builder().build().readTree(
                Files.readAllBytes(Path.of("examples/valid/provisioning.request.rejected.v1.json")));
        ((ObjectNode) result.at("/data/errors/0")).put("pointer", "/a".repeat(32_768));

        assertThat(CharReads.onListenerStack(() -> SchemaValidator.forResults().validate(result))).isEmpty();
    }
}
