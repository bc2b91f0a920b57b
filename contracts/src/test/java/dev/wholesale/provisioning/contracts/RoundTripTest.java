package dev.wholesale.provisioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.envelope.CloudEvent;

import tools.jackson.databind.JsonNode;

/** The Java records carry every example without loss: JSON to record and back gives the same JSON. */
class RoundTripTest {

    static List<Path> validExamples() {
        return Examples.valid();
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void dataSurvivesTheRecordsUnchanged(Path example) {
        JsonNode event = Examples.read(example);
        String type = event.path("type").asString();
        Class<?> dataType = RequestType.fromWire(type).<Class<?>>map(RequestType::dataType)
                .or(() -> ResultType.fromWire(type).map(ResultType::dataType)).orElseThrow();
        Object record = Examples.JSON.treeToValue(event.path("data"), dataType);
        assertThat((JsonNode) Examples.JSON.valueToTree(record)).isEqualTo(event.path("data"));
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void theEnvelopeSurvivesTheCloudEventRecordUnchanged(Path example) {
        JsonNode event = Examples.read(example);
        CloudEvent<?> record = Examples.JSON.treeToValue(event, CloudEvent.class);
        assertThat((JsonNode) Examples.JSON.valueToTree(record)).isEqualTo(event);
    }
}
