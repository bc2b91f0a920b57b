package dev.wholesale.provisioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.catalogue.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The AsyncAPI document covers the catalogue and every reference in it leads somewhere. */
class AsyncApiDocumentTest {

    private final JsonNode document = new YAMLMapper().readTree(read(Path.of("asyncapi.yaml")));

    @Test
    void itIsAnAsyncApi3Document() {
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
    }

    @Test
    void everyRequestAndResultTypeIsAMessage() {
        List<String> names = new ArrayList<>();
        document.path("components").path("messages").forEach(message -> names.add(message.path("name").asString()));
        assertThat(names).containsAll(Arrays.stream(RequestType.values()).map(RequestType::wire).toList());
        assertThat(names).containsAll(Arrays.stream(ResultType.values()).map(ResultType::wire).toList());
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsAChannel() {
        List<String> addresses = new ArrayList<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asString()));
        assertThat(addresses).containsExactlyInAnyOrder(Topics.TEMPLATE_REQUESTS, Topics.CUSTOMER_REQUESTS,
                Topics.USER_REQUESTS, Topics.RESULTS, Topics.dltOf(Topics.TEMPLATE_REQUESTS),
                Topics.dltOf(Topics.CUSTOMER_REQUESTS), Topics.dltOf(Topics.USER_REQUESTS));
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectBrokenReferences(document, broken);
        assertThat(broken).isEmpty();
    }

    private void collectBrokenReferences(JsonNode node, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString() && !resolves(ref.asString())) {
                broken.add(ref.asString());
            }
            node.forEach(child -> collectBrokenReferences(child, broken));
        } else if (node.isArray()) {
            node.forEach(child -> collectBrokenReferences(child, broken));
        }
    }

    private boolean resolves(String ref) {
        if (ref.startsWith("#")) {
            return !document.at(ref.substring(1)).isMissingNode();
        }
        return Files.exists(Path.of(ref));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
