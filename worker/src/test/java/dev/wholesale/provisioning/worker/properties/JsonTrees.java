package dev.wholesale.provisioning.worker.properties;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Generators of JSON trees of bounded size and depth, shared by the property tests. */
final class JsonTrees {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Reads decimals as the worker's decoder does: exactly, as BigDecimal. */
    static final JsonMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Property names the schemas know, so that random trees reach into the schemas, plus names JSON pointers must escape. */
    static final List<String> NAMES = List.of("templateName", "country", "language", "serviceProviderAdminEmail",
            "wholesaleSubscriptionId", "authentication", "method", "idpEntityId", "brandName", "externalId", "provisioningId",
            "customerInfo", "name", "primaryEmail", "package", "packageLimits", "webex_calling", "webex_meetings",
            "headquarters", "address", "addressLine1", "city", "timezone", "webexSupportedLocationConfirmed",
            "customerExternalId", "users", "locations", "emails", "email", "firstName", "lastName", "location",
            "primaryPhoneNumber", "extension", "a/b", "t~1", "", " ", "x");

    private JsonTrees() {
    }

    /** Any text: control characters, lone surrogates and all. */
    static Arbitrary<String> anyText(int maxLength) {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(maxLength),
                Arbitraries.strings().withChars("aZ%~/ \u0000\u001f\u007f\u0085\ud800\udc00?\u00e9\u202e").ofMaxLength(maxLength),
                Arbitraries.of("", "DK", "da", "a@b.dk", "webex_calling", "Europe/Copenhagen", "+4532123456", "WEBEX"));
    }

    /** Text that survives serialisation unchanged: no lone surrogates. */
    static Arbitrary<String> wellFormedText(int maxLength) {
        return Arbitraries.strings().all().ofMaxLength(maxLength)
                .filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
    }

    static Arbitrary<JsonNode> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)),
                Arbitraries.doubles().between(-1e12, 1e12).map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e6"), new BigDecimal("1e6")).ofScale(3)
                        .map(d -> (JsonNode) NODES.numberNode(d)));
    }

    static Arbitrary<JsonNode> leaves(Arbitrary<String> text) {
        return Arbitraries.oneOf(text.map(s -> (JsonNode) NODES.stringNode(s)), numbers(),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)), Arbitraries.just(NODES.nullNode()));
    }

    /**
     * Property names: the schemas' own and random ones, never with an unpaired surrogate (Jackson writes
     * such a name but cannot read it back: "Broken surrogate pair in property name", so it would only
     * test that the record is NOT_JSON).
     */
    static Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.of(NAMES), wellFormedText(6));
    }

    /** JSON values nested at most {@code maxDepth} containers deep, at most {@code width} members per container. */
    static Arbitrary<JsonNode> trees(Arbitrary<String> text, int maxDepth, int width) {
        return Arbitraries.recursive(() -> leaves(text), inner -> Arbitraries.oneOf(
                leaves(text),
                inner.list().ofMaxSize(width).map(JsonTrees::array),
                Combinators.combine(names(), inner).as(Map::entry).list().ofMaxSize(width).map(JsonTrees::object)),
                0, maxDepth);
    }

    static Arbitrary<ObjectNode> objects(Arbitrary<String> text, int maxDepth, int width) {
        return objects(names(), text, maxDepth, width);
    }

    static Arbitrary<ObjectNode> objects(Arbitrary<String> names, Arbitrary<String> text, int maxDepth, int width) {
        return Combinators.combine(names, trees(text, maxDepth - 1, width)).as(Map::entry).list().ofMaxSize(width)
                .map(JsonTrees::object);
    }

    static ArrayNode array(List<JsonNode> elements) {
        ArrayNode array = NODES.arrayNode();
        elements.forEach(array::add);
        return array;
    }

    static ObjectNode object(List<Map.Entry<String, JsonNode>> members) {
        ObjectNode object = NODES.objectNode();
        members.forEach(member -> object.set(member.getKey(), member.getValue()));
        return object;
    }

    /** Every JSON pointer in the tree (the root excluded), parents before children. */
    static List<String> pointers(JsonNode node) {
        List<String> pointers = new ArrayList<>();
        collect(node, "", pointers);
        return pointers;
    }

    private static void collect(JsonNode node, String pointer, List<String> into) {
        if (node.isObject()) {
            for (String name : new ArrayList<>(node.propertyNames())) {
                String child = pointer + "/" + escape(name);
                into.add(child);
                collect(node.get(name), child, into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = pointer + "/" + i;
                into.add(child);
                collect(node.get(i), child, into);
            }
        }
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    static String parentOf(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    static String lastTokenOf(String pointer) {
        return unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
    }

    static int depth(JsonNode node) {
        int deepest = 0;
        if (node.isContainer()) {
            for (JsonNode child : node.isObject() ? node.values() : node) {
                deepest = Math.max(deepest, depth(child));
            }
            return 1 + deepest;
        }
        return 0;
    }
}
