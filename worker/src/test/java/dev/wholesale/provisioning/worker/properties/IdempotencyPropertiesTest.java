package dev.wholesale.provisioning.worker.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.wholesale.provisioning.contracts.idempotency.ContentHash;
import dev.wholesale.provisioning.worker.idempotency.IdempotencyLedger;
import dev.wholesale.provisioning.worker.idempotency.RequestKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The idempotency contract, for arbitrary content and arbitrary sequences of submissions. */
class IdempotencyPropertiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Property
    void theHashIgnoresPropertyOrderAndSerialisation(@ForAll("objects") Map<String, Object> data, @ForAll long seed) {
        JsonNode original = JSON.valueToTree(data);
        JsonNode reordered = JSON.readTree(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(shuffled(original, new Random(seed))));
        assertThat(ContentHash.of("t", reordered)).isEqualTo(ContentHash.of("t", original));
    }

    @Property
    void theHashChangesWhenAnyValueChanges(@ForAll("objects") Map<String, Object> data, @ForAll("text") String other) {
        String key = data.keySet().iterator().next();
        Map<String, Object> changed = new HashMap<>(data);
        changed.put(key, other);
        if (!other.equals(data.get(key))) {
            assertThat(ContentHash.of("t", JSON.valueToTree(changed))).isNotEqualTo(ContentHash.of("t", JSON.valueToTree(data)));
        }
    }

    /**
     * Model: per (partner, id) the set of contents seen. First sight: NEW; content seen: REPEAT;
     * new content for a known id: KEY_REUSED.
     */
    @Property
    void theLedgerBehavesLikeTheModel(@ForAll @Size(max = 60) List<@IntRange(max = 8) Integer> submissions) {
        IdempotencyLedger ledger = new IdempotencyLedger(new HashMap<>());
        Map<String, Set<Integer>> model = new HashMap<>();
        for (int submission : submissions) {
            String id = "r-" + submission % 3;
            int content = submission / 3;
            byte[] hash = ContentHash.of("t", JSON.valueToTree(Map.of("content", content)));
            Set<Integer> seen = model.computeIfAbsent(id, k -> new HashSet<>());
            IdempotencyLedger.Verdict expected = seen.isEmpty() ? IdempotencyLedger.Verdict.NEW
                    : seen.contains(content) ? IdempotencyLedger.Verdict.REPEAT : IdempotencyLedger.Verdict.KEY_REUSED;
            seen.add(content);
            assertThat(ledger.admit(new RequestKey("partner", id), hash)).isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> objects() {
        Arbitrary<Object> leaves = Arbitraries.oneOf(text().map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b));
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), leaves).ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().ofMaxLength(20);
    }

    private static JsonNode shuffled(JsonNode node, Random random) {
        if (!node.isObject()) {
            return node;
        }
        List<String> names = new ArrayList<>(node.propertyNames());
        Collections.shuffle(names, random);
        ObjectNode copy = JSON.createObjectNode();
        names.forEach(name -> copy.set(name, shuffled(node.get(name), random)));
        return copy;
    }
}
