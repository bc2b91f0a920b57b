package dev.wholesale.provisioning.worker.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.wholesale.provisioning.contracts.idempotency.ContentHash;
import dev.wholesale.provisioning.worker.idempotency.IdempotencyLedger;
import dev.wholesale.provisioning.worker.idempotency.IdempotencyLedger.Verdict;
import dev.wholesale.provisioning.worker.idempotency.RequestKey;
import dev.wholesale.provisioning.worker.idempotency.RequestLog;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The idempotency contract (contracts/README.md, "Idempotency"): "same content" is the same type and
 * the same {@code data} as JSON values, whatever the property order, white space or number spelling,
 * and any change of a value is other content ({@link ContentHash}); and over any sequence of
 * submissions, in batches as the worker sees them, {@link IdempotencyLedger} says NEW for the first
 * content of an id, KEY_REUSED once for each further content, and REPEAT for everything seen before.
 */
class IdempotencyContractPropertiesTest {

    private static final JsonMapper BIG_DECIMALS = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    // --- ContentHash ------------------------------------------------------------------------------------

    @Property(tries = 500)
    void theHashIgnoresPropertyOrderWhiteSpaceAndReparsing(@ForAll("types") String type, @ForAll("data") JsonNode data,
                                                           @ForAll long seed) {
        byte[] hash = ContentHash.of(type, data);
        JsonNode reordered = shuffled(data, new Random(seed));
        assertThat(ContentHash.of(type, reordered)).as("reordered %s", reordered).isEqualTo(hash);
        JsonNode pretty = JsonTrees.JSON.readTree(JsonTrees.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reordered));
        assertThat(ContentHash.of(type, pretty)).as("pretty-printed").isEqualTo(hash);
        JsonNode decimals = BIG_DECIMALS.readTree(JsonTrees.JSON.writeValueAsString(data));
        assertThat(ContentHash.of(type, decimals)).as("read with BigDecimal numbers").isEqualTo(hash);
    }

    /** 1, 1.0, 1.00 and 1e0 are one number; an integer written as a decimal is the same content (read as the worker reads it). */
    @Property(tries = 300)
    void theHashIgnoresHowAnIntegerIsSpelled(@ForAll("data") JsonNode data, @ForAll long value, @ForAll("spellings") String spelling) {
        ObjectNode plain = ((ObjectNode) data.deepCopy()).put("n", value);
        String text = JsonTrees.JSON.writeValueAsString(plain);
        String respelled = text.replace("\"n\":" + value, "\"n\":" + value + spelling);
        assertThat(ContentHash.of("t", BIG_DECIMALS.readTree(respelled))).as(respelled)
                .isEqualTo(ContentHash.of("t", plain));
    }

    /** Any change of a leaf value (to a different JSON value) changes the hash. */
    @Property(tries = 1000)
    void theHashChangesWhenAnyLeafValueChanges(@ForAll("data") JsonNode data, @ForAll int which,
                                               @ForAll("leaves") JsonNode replacement) {
        List<String> leaves = JsonTrees.pointers(data).stream().filter(p -> !data.at(p).isContainer()).toList();
        if (leaves.isEmpty()) {
            return;
        }
        String pointer = leaves.get(Math.floorMod(which, leaves.size()));
        JsonNode before = data.at(pointer);
        if (sameValue(before, replacement)) {
            return;
        }
        JsonNode changed = replaced(data, pointer, replacement);
        assertThat(ContentHash.of("t", changed)).as("%s: %s -> %s", literal(JsonTrees.NODES.stringNode(pointer)),
                        literal(before), literal(replacement))
                .isNotEqualTo(ContentHash.of("t", data));
    }

    /** Changing a single character of a string is other content: the cheapest change a sender can make. */
    @Property(tries = 1000)
    void theHashChangesWhenOneCharacterOfAStringChanges(@ForAll("data") JsonNode data, @ForAll("shortText") String text,
                                                        @ForAll int position, @ForAll("confusables") char replacement) {
        if (text.isEmpty()) {
            return;
        }
        char[] chars = text.toCharArray();
        chars[Math.floorMod(position, chars.length)] = replacement;
        String changed = new String(chars);
        if (changed.equals(text)) {
            return;
        }
        JsonNode before = ((ObjectNode) data.deepCopy()).put("probe", text);
        JsonNode after = ((ObjectNode) data.deepCopy()).put("probe", changed);
        assertThat(ContentHash.of("t", after)).as("'%s' -> '%s'", literal(JsonTrees.NODES.stringNode(text)),
                literal(JsonTrees.NODES.stringNode(changed))).isNotEqualTo(ContentHash.of("t", before));
    }

    /** Renaming a property is other content too. (Not shrunk: the failing names are short already, shrinking the rest takes long.) */
    @Property(tries = 500, shrinking = ShrinkingMode.OFF)
    void theHashChangesWhenAPropertyIsRenamed(@ForAll("dataWithOddNames") JsonNode data, @ForAll int which,
                                              @ForAll("keys") String name) {
        List<String> members = JsonTrees.pointers(data).stream()
                .filter(p -> data.at(JsonTrees.parentOf(p)).isObject()).toList();
        if (members.isEmpty()) {
            return;
        }
        String pointer = members.get(Math.floorMod(which, members.size()));
        ObjectNode parent = (ObjectNode) data.at(JsonTrees.parentOf(pointer));
        String old = JsonTrees.lastTokenOf(pointer);
        if (parent.has(name)) {
            return;
        }
        JsonNode copy = data.deepCopy();
        ObjectNode copyParent = (ObjectNode) copy.at(JsonTrees.parentOf(pointer));
        copyParent.set(name, copyParent.remove(old));
        assertThat(ContentHash.of("t", copy)).as("property %s renamed %s", literal(JsonTrees.NODES.stringNode(old)),
                literal(JsonTrees.NODES.stringNode(name))).isNotEqualTo(ContentHash.of("t", data));
    }

    @Property(tries = 300)
    void theHashChangesWithTheType(@ForAll("types") String type, @ForAll("types") String other, @ForAll("data") JsonNode data) {
        if (!type.equals(other)) {
            assertThat(ContentHash.of(type, data)).isNotEqualTo(ContentHash.of(other, data));
        }
    }

    /**
     * The reduced cases of {@link #theHashChangesWhenAnyLeafValueChanges} from when strings were hashed
     * through {@code String.getBytes(UTF_8)}, which turns every unpaired surrogate into '?'.
     */
    @Example
    void anUnpairedSurrogateIsNotTheSameContentAsAQuestionMark() {
        JsonNode lone = JsonTrees.JSON.readTree("{\"externalId\":\"\\ud800\"}");
        JsonNode question = JsonTrees.JSON.readTree("{\"externalId\":\"?\"}");
        JsonNode otherLone = JsonTrees.JSON.readTree("{\"externalId\":\"\\udc00\"}");
        assertThat(ContentHash.of("provisioning.customer.delete.v1", lone)).as("\\ud800 vs ?")
                .isNotEqualTo(ContentHash.of("provisioning.customer.delete.v1", question));
        assertThat(ContentHash.of("provisioning.customer.delete.v1", lone)).as("\\ud800 vs \\udc00")
                .isNotEqualTo(ContentHash.of("provisioning.customer.delete.v1", otherLone));
    }

    /**
     * Read as the worker reads requests (decimals as BigDecimal), numbers beyond the range of a double
     * keep their value: 1e400 and 1e999 are different content.
     */
    @Example
    void numbersBeyondTheRangeOfADoubleAreDifferentContent() {
        JsonNode small = BIG_DECIMALS.readTree("{\"n\":1e400}");
        JsonNode large = BIG_DECIMALS.readTree("{\"n\":1e999}");
        assertThat(ContentHash.of("t", small)).isNotEqualTo(ContentHash.of("t", large));
    }

    // --- IdempotencyLedger, model-based ----------------------------------------------------------------

    /** One request as the worker admits it: partner, request id, content (a small number standing for data). */
    record Submission(int partner, int id, int content) {
        RequestKey key() {
            return new RequestKey("partner-" + partner, "request-" + id);
        }

        byte[] hash() {
            return ContentHash.of("provisioning.customer.delete.v1",
                    JsonTrees.JSON.createObjectNode().put("externalId", "customer-" + content));
        }
    }

    /**
     * Submissions split into batches. Each batch gets a fresh ledger that knows what the request log held
     * for the batch's keys (as {@link RequestLog#lookup} would return it) and the batch's additions are
     * then written to that log, as the batch transaction does. The model: per key, the contents seen.
     */
    @Property(tries = 1000)
    void theLedgerAgreesWithTheModel(@ForAll("batches") List<List<Submission>> batches) {
        Map<RequestKey, List<RequestLog.Entry>> log = new HashMap<>();
        Map<RequestKey, List<Integer>> model = new LinkedHashMap<>();
        Map<RequestKey, Map<Verdict, Integer>> verdicts = new HashMap<>();
        for (List<Submission> batch : batches) {
            Map<RequestKey, List<RequestLog.Entry>> known = new HashMap<>();
            for (Submission submission : batch) {
                List<RequestLog.Entry> stored = log.get(submission.key());
                if (stored != null) {
                    known.put(submission.key(), new ArrayList<>(stored));
                }
            }
            IdempotencyLedger ledger = new IdempotencyLedger(known);
            for (Submission submission : batch) {
                List<Integer> seen = model.computeIfAbsent(submission.key(), k -> new ArrayList<>());
                Verdict expected = seen.isEmpty() ? Verdict.NEW
                        : seen.contains(submission.content()) ? Verdict.REPEAT : Verdict.KEY_REUSED;
                if (!seen.contains(submission.content())) {
                    seen.add(submission.content());
                }
                Verdict verdict = ledger.admit(submission.key(), submission.hash());
                assertThat(verdict).as("%s in batch %s after %s", submission, batch, model.get(submission.key()))
                        .isEqualTo(expected);
                verdicts.computeIfAbsent(submission.key(), k -> new HashMap<>()).merge(verdict, 1, Integer::sum);
                if (verdict != Verdict.REPEAT) {
                    ledger.record(submission.key(), submission.hash(), "provisioning.customer.delete.v1",
                            RequestLog.State.COMPLETED, UUID.randomUUID(), Instant.EPOCH);
                }
            }
            for (RequestLog.NewEntry addition : ledger.additions()) {
                log.computeIfAbsent(addition.key(), k -> new ArrayList<>())
                        .add(new RequestLog.Entry(addition.contentHash(), addition.original()));
            }
        }
        int submitted = batches.stream().mapToInt(List::size).sum();
        int repeats = 0;
        for (Map.Entry<RequestKey, List<Integer>> key : model.entrySet()) {
            Map<Verdict, Integer> counts = verdicts.get(key.getKey());
            assertThat(counts.getOrDefault(Verdict.NEW, 0)).as("NEW for %s", key.getKey()).isEqualTo(1);
            assertThat(counts.getOrDefault(Verdict.KEY_REUSED, 0)).as("KEY_REUSED for %s", key.getKey())
                    .isEqualTo(key.getValue().size() - 1);
            repeats += counts.getOrDefault(Verdict.REPEAT, 0);
            // The log holds each content of a key once, the first of them as the original.
            List<RequestLog.Entry> stored = log.get(key.getKey());
            assertThat(stored).hasSize(key.getValue().size());
            assertThat(stored.stream().filter(RequestLog.Entry::original).count()).isEqualTo(1);
            assertThat(stored.get(0).original()).isTrue();
        }
        assertThat(repeats).isEqualTo(submitted - model.values().stream().mapToInt(List::size).sum());
    }

    @Provide
    Arbitrary<List<List<Submission>>> batches() {
        Arbitrary<Submission> submission = Combinators.combine(Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3)).as(Submission::new);
        return submission.list().ofMinSize(1).ofMaxSize(12).list().ofMinSize(1).ofMaxSize(6);
    }

    // --- generators ----------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.oneOf(Arbitraries.of(ValidationPropertiesTest.TYPES), Arbitraries.strings().ofMaxLength(10));
    }

    /** JSON objects of bounded size and depth; strings drawn partly from a tiny alphabet, so that near-collisions are tried. */
    @Provide
    Arbitrary<JsonNode> data() {
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(12)),
                Tuple.of(2, Arbitraries.strings().withChars("a?\ud800\udc00\u00e9 ").ofMaxLength(3)),
                Tuple.of(1, Arbitraries.of("1", "1.0", "true", "null", "")));
        return JsonTrees.objects(text, 4, 4).map(o -> (JsonNode) o);
    }

    /** Objects whose property names come partly from a tiny alphabet with '?' and lone surrogates (never serialised). */
    @Provide
    Arbitrary<JsonNode> dataWithOddNames() {
        return JsonTrees.objects(Arbitraries.oneOf(JsonTrees.names(), keys()), JsonTrees.anyText(6), 2, 4)
                .filter(o -> o.size() > 0).map(o -> (JsonNode) o);
    }

    @Provide
    Arbitrary<JsonNode> leaves() {
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(8)),
                Tuple.of(3, Arbitraries.strings().withChars("a?\ud800\udc00\u00e9 ").ofMaxLength(3)));
        return Arbitraries.oneOf(JsonTrees.leaves(text), Arbitraries.of(JsonTrees.NODES.numberNode(1),
                JsonTrees.NODES.numberNode(new BigDecimal("1.5")), JsonTrees.NODES.numberNode(0),
                JsonTrees.NODES.stringNode("1"), JsonTrees.NODES.arrayNode(), JsonTrees.NODES.objectNode()));
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.strings().all().ofMaxLength(6)),
                Tuple.of(3, Arbitraries.strings().withChars("a?\ud800\udc00").ofMaxLength(3)));
    }

    @Provide
    Arbitrary<String> shortText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(6), Arbitraries.strings().withChars("ab?\u00e9").ofMaxLength(4));
    }

    @Provide
    Arbitrary<Character> confusables() {
        return Arbitraries.of('?', '\ud800', '\udbff', '\udc00', '\udfff', '\ufffd', 'a', '\u0000');
    }

    @Provide
    Arbitrary<String> spellings() {
        return Arbitraries.of(".0", ".00", "e0", "E0", ".0e0", "e+0", ".000000");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** The same JSON value: numbers by value, everything else exactly. */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static JsonNode replaced(JsonNode data, String pointer, JsonNode value) {
        JsonNode copy = data.deepCopy();
        JsonNode parent = copy.at(JsonTrees.parentOf(pointer));
        String token = JsonTrees.lastTokenOf(pointer);
        if (parent instanceof ObjectNode object) {
            object.set(token, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(token), value);
        }
        return copy;
    }

    private static JsonNode shuffled(JsonNode node, Random random) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            Collections.shuffle(names, random);
            ObjectNode copy = JsonTrees.NODES.objectNode();
            names.forEach(name -> copy.set(name, shuffled(node.get(name), random)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonTrees.NODES.arrayNode();
            node.forEach(element -> copy.add(shuffled(element, random)));
            return copy;
        }
        return node;
    }

    /** The value as JSON with every non-ASCII character escaped, so a report shows lone surrogates. */
    private static String literal(JsonNode value) {
        String json = JsonTrees.JSON.writeValueAsString(value);
        StringBuilder out = new StringBuilder();
        for (char c : json.toCharArray()) {
            out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
