package dev.wholesale.provisioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.envelope.CloudEvent;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/** The Java records carry every example without loss: JSON to records and back gives the same JSON. */
class RoundTripTest {

    static List<Path> validExamples() {
        return Examples.valid();
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void dataSurvivesItsRecordUnchanged(Path example) {
        JsonNode event = Examples.read(example);

        Object data = Examples.JSON.treeToValue(event.path("data"), dataTypeOf(event));

        assertThat(data).isInstanceOf(dataTypeOf(event));
        assertThat((JsonNode) Examples.JSON.valueToTree(data)).isEqualTo(event.path("data"));
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void theWholeEventSurvivesTheTypedCloudEventUnchanged(Path example) {
        JsonNode event = Examples.read(example);
        JavaType eventType = Examples.JSON.getTypeFactory().constructParametricType(CloudEvent.class, dataTypeOf(event));

        CloudEvent<?> record = Examples.JSON.treeToValue(event, eventType);

        assertThat(record.data()).isInstanceOf(dataTypeOf(event));
        assertThat((JsonNode) Examples.JSON.valueToTree(record)).isEqualTo(event);
    }

    private static Class<?> dataTypeOf(JsonNode event) {
        String type = event.path("type").asString();
        return RequestType.fromWire(type).<Class<?>>map(RequestType::dataType)
                .or(() -> ResultType.fromWire(type).map(ResultType::dataType))
                .orElseThrow(() -> new AssertionError("not a type of the catalogue: " + type));
    }
}
