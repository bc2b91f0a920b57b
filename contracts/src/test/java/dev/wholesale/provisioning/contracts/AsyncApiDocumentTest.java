package dev.wholesale.provisioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.catalogue.Topics;
import dev.wholesale.provisioning.contracts.deadletter.DeadLetterHeaders;
import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;
import dev.wholesale.provisioning.contracts.envelope.CloudEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The AsyncAPI document covers the catalogue, every reference in it leads somewhere, and its examples are the real ones. */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("asyncapi.yaml");

    private final JsonNode document = new YAMLMapper().readTree(read(DOCUMENT));

    @Test
    void itIsAnAsyncApi3Document() {
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
    }

    @Test
    void everyRequestAndResultTypeIsACloudEventMessage() {
        Map<String, String> contentTypeByName = new TreeMap<>();
        document.path("components").path("messages").forEach(message ->
                contentTypeByName.put(message.path("name").asString(), message.path("contentType").asString()));
        List<String> types = new ArrayList<>();
        Arrays.stream(RequestType.values()).map(RequestType::wire).forEach(types::add);
        Arrays.stream(ResultType.values()).map(ResultType::wire).forEach(types::add);

        assertThat(contentTypeByName).containsKeys(types.toArray(String[]::new));
        types.forEach(type -> assertThat(contentTypeByName.get(type)).as(type).isEqualTo(CloudEvents.CONTENT_TYPE));
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
    void theWorkerReceivesRequestsAndSendsResultsAndDeadLetters() {
        Map<String, String> actionByAddress = new TreeMap<>();
        document.path("operations").forEach(operation -> actionByAddress.put(
                document.at(operation.path("channel").path("$ref").asString().substring(1)).path("address").asString(),
                operation.path("action").asString()));
        assertThat(actionByAddress).containsOnly(
                Map.entry(Topics.TEMPLATE_REQUESTS, "receive"), Map.entry(Topics.CUSTOMER_REQUESTS, "receive"),
                Map.entry(Topics.USER_REQUESTS, "receive"), Map.entry(Topics.RESULTS, "send"),
                Map.entry(Topics.dltOf(Topics.TEMPLATE_REQUESTS), "send"),
                Map.entry(Topics.dltOf(Topics.CUSTOMER_REQUESTS), "send"),
                Map.entry(Topics.dltOf(Topics.USER_REQUESTS), "send"));
    }

    /** The document and the Java vocabulary the worker uses say the same: every header, every reason. */
    @Test
    void deadLettersSayWhyAndWhereFrom() {
        JsonNode schema = document.path("components").path("schemas").path("deadLetterHeaders");
        assertThat(schema.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(DeadLetterHeaders.ALL);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(header -> required.add(header.asString()));
        assertThat(required).containsExactlyInAnyOrderElementsOf(DeadLetterHeaders.ALWAYS);
        List<String> reasons = new ArrayList<>();
        schema.path("properties").path(DeadLetterHeaders.REASON).path("enum").forEach(reason -> reasons.add(reason.asString()));
        assertThat(reasons).containsExactly(Arrays.stream(DeadLetterReason.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectBrokenReferences(document, broken);
        assertThat(broken).isEmpty();
    }

    @Test
    void everyExampleIsACopyOfAnExampleFile() {
        List<String> copies = new ArrayList<>();
        document.path("components").path("messages").forEach(message -> message.path("examples").forEach(example -> {
            Path file = Path.of(example.path("summary").asString());
            assertThat(file).as("the file an example says it copies").exists();
            assertThat(example.path("payload")).as(file.toString()).isEqualTo(Examples.read(file));
            copies.add(file.getFileName().toString());
        }));
        assertThat(copies).containsExactlyInAnyOrderElementsOf(
                Examples.valid().stream().map(path -> path.getFileName().toString()).toList());
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

    /** A local pointer into this document, or a file beside it with an optional pointer into that file. */
    private boolean resolves(String ref) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        if (file.isEmpty()) {
            return !document.at(pointer).isMissingNode();
        }
        Path target = DOCUMENT.resolveSibling(file).normalize();
        return Files.exists(target) && !Examples.read(target).at(pointer).isMissingNode();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
