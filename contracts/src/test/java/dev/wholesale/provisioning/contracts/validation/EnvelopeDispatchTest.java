package dev.wholesale.provisioning.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The validator picks the envelope's "if type is T then ..." branch in Java instead of letting the
 * schema evaluate every condition. That must change nothing: for every example, and for every
 * example with any one of its values removed or replaced by a value of another kind, and with its
 * data put under every other type, it reports exactly the errors, in the order, that evaluating
 * the envelope schema as written reports.
 */
class EnvelopeDispatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> REPLACEMENTS = List.of(NODES.nullNode(), NODES.stringNode(""),
            NODES.stringNode("x".repeat(300)), NODES.stringNode("bad\u0000value"), NODES.numberNode(-1),
            NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.booleanNode(true), NODES.arrayNode(),
            NODES.objectNode());

    private final Oracle requests = new Oracle("request-envelope.schema.json", SchemaValidator.forRequests(),
            type -> RequestType.fromWire(type).isPresent());
    private final Oracle results = new Oracle("result-envelope.schema.json", SchemaValidator.forResults(),
            type -> ResultType.fromWire(type).isPresent());

    @Test
    void everyExampleAndEveryOneValueChangeIsJudgedAsTheWholeEnvelopeJudgesIt() {
        int compared = 0;
        for (Path file : examples("valid")) {
            ObjectNode event = (ObjectNode) read(file);
            Oracle oracle = oracleFor(event);
            for (JsonNode variant : variants(event, oracle)) {
                oracle.assertSameJudgement(variant);
                compared++;
            }
        }
        for (Path file : examples("invalid")) {
            JsonNode event = read(file);
            oracleFor(event).assertSameJudgement(event);
            compared++;
        }
        assertThat(compared).as("variants compared").isGreaterThan(5_000);
    }

    private Oracle oracleFor(JsonNode event) {
        return ResultType.fromWire(event.path("type").asString()).isPresent() ? results : requests;
    }

    private static List<JsonNode> variants(ObjectNode event, Oracle oracle) {
        List<JsonNode> variants = new ArrayList<>();
        variants.add(event);
        List<String> pointers = new ArrayList<>();
        collectPointers(event, "", pointers);
        for (String pointer : pointers) {
            ObjectNode removed = event.deepCopy();
            remove(removed, pointer);
            variants.add(removed);
            for (JsonNode replacement : REPLACEMENTS) {
                ObjectNode replaced = event.deepCopy();
                replace(replaced, pointer, replacement);
                variants.add(replaced);
            }
        }
        for (String type : oracle.types()) {
            variants.add(event.deepCopy().put("type", type));
        }
        variants.add(event.deepCopy().put("type", "provisioning.customer.rename.v1"));
        return variants;
    }

    private static void collectPointers(JsonNode node, String at, List<String> pointers) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                pointers.add(child);
                collectPointers(object.get(name), child, pointers);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                pointers.add(at + "/" + i);
                collectPointers(array.get(i), at + "/" + i, pointers);
            }
        }
    }

    private static void remove(ObjectNode root, String pointer) {
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
        }
    }

    private static void replace(ObjectNode root, String pointer, JsonNode value) {
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    private static List<Path> examples(String kind) {
        try (Stream<Path> files = Files.list(Path.of("examples", kind))) {
            return files.filter(path -> path.toString().endsWith(".json"))
                    .filter(path -> !path.getFileName().toString().equals("expected-errors.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope schema evaluated as written, next to the validator that dispatches by type. */
    private static final class Oracle {
        private final Schema whole;
        private final SchemaValidator validator;
        private final Predicate<String> isCatalogueType;
        private final List<String> types;

        Oracle(String envelopeFile, SchemaValidator validator, Predicate<String> isCatalogueType) {
            this.whole = SchemaValidator.registry().getSchema(SchemaLocation.of(SchemaValidator.SCHEMA_BASE + envelopeFile));
            this.validator = validator;
            this.isCatalogueType = isCatalogueType;
            List<String> found = new ArrayList<>();
            whole.getSchemaNode().path("allOf")
                    .forEach(condition -> found.add(condition.at("/if/properties/type/const").asString()));
            this.types = found;
        }

        List<String> types() {
            return types;
        }

        void assertSameJudgement(JsonNode event) {
            FieldErrors expected = new FieldErrors();
            whole.validate(LongRangeNumbers.of(event)).forEach(expected::add);
            JsonNode type = event.path("type");
            if (type.isString() && !isCatalogueType.test(type.asString())) {
                expected.addUnsupportedType();
            }
            assertThat(validator.validate(event)).as(event.toString()).isEqualTo(expected.list());
        }
    }
}
