package dev.wholesale.provisioning.worker.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.wholesale.provisioning.contracts.idempotency.ContentHash;

import tools.jackson.databind.json.JsonMapper;

/**
 * "The same content" of a repeated request id: the type and data compared as JSON values, so a
 * sender's serialiser may reorder, re-space or re-spell numbers, but any real change counts.
 */
class ContentHashTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TYPE = "provisioning.customer.update.v1";

    @Test
    void propertyOrderWhiteSpaceAndNumberSpellingDoNotChangeTheHash() {
        byte[] compact = hash(TYPE, "{\"externalId\":\"c-1\",\"packageLimits\":{\"webex_calling\":1,\"webex_suite\":20}}");
        byte[] respelled = hash(TYPE, """
                {
                  "packageLimits" : { "webex_suite" : 2.0e1, "webex_calling" : 1.0 },
                  "externalId" : "c-1"
                }""");

        assertThat(respelled).isEqualTo(compact);
    }

    @Test
    void objectsInsideArraysAreComparedRegardlessOfPropertyOrderToo() {
        assertThat(hash(TYPE, "{\"users\":[{\"a\":1,\"b\":2}]}")).isEqualTo(hash(TYPE, "{\"users\":[{\"b\":2,\"a\":1}]}"));
    }

    @Test
    void aDifferentTypeWithTheSameDataIsDifferentContent() {
        String data = "{\"externalId\":\"c-1\"}";

        assertThat(hash("provisioning.customer.delete.v1", data)).isNotEqualTo(hash(TYPE, data));
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"externalId\":\"c-1\"}         | {\"externalId\":\"c-2\"}",
            "{\"limit\":1}                    | {\"limit\":2}",
            "{\"limit\":1}                    | {\"limit\":\"1\"}",
            "{\"flag\":true}                  | {\"flag\":\"true\"}",
            "{\"flag\":true}                  | {\"flag\":false}",
            "{\"a\":null}                     | {}",
            "{\"a\":[1,2]}                    | {\"a\":[2,1]}",
            "{\"ab\":\"c\"}                   | {\"a\":\"bc\"}",
            "{\"a\":{\"b\":1}}                | {\"a\":{\"b\":1,\"c\":2}}",
            "[\"ab\",\"c\"]                   | [\"a\",\"bc\"]"})
    void aDifferentValueIsDifferentContent(String one, String other) {
        assertThat(hash(TYPE, one)).isNotEqualTo(hash(TYPE, other));
    }

    @Test
    void aNumberBeyondTheRangeOfADoubleCanStillBeHashed() {
        assertThat(hash(TYPE, "{\"limit\":1e400}")).hasSize(32);
    }

    private static byte[] hash(String type, String data) {
        return ContentHash.of(type, JSON.readTree(data));
    }
}
