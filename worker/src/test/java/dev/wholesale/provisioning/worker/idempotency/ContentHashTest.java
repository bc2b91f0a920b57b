package dev.wholesale.provisioning.worker.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.wholesale.provisioning.contracts.idempotency.ContentHash;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * "The same content" of a repeated request id: the type and data compared as JSON values, so a
 * sender's serialiser may reorder, re-space or re-spell numbers, but any real change counts.
 */
class ContentHashTest {

    /** As the worker reads requests (RecordDecoder): decimals as BigDecimal, so no number is rounded. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
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
            "[\"ab\",\"c\"]                   | [\"a\",\"bc\"]",
            "{\"a\":\"\\ud800\"}                 | {\"a\":\"?\"}",
            "{\"a\":\"\\ud800\"}                 | {\"a\":\"\\udc00\"}",
            "{\"limit\":1e400}                | {\"limit\":1e999}",
            "{\"limit\":9007199254740993}     | {\"limit\":9007199254740992.0}"})
    void aDifferentValueIsDifferentContent(String one, String other) {
        assertThat(hash(TYPE, one)).isNotEqualTo(hash(TYPE, other));
    }

    @Test
    void numbersAreComparedByValueHoweverLarge() {
        assertThat(hash(TYPE, "{\"limit\":9007199254740993}")).isEqualTo(hash(TYPE, "{\"limit\":9007199254740993.0}"));
        assertThat(hash(TYPE, "{\"limit\":1e400}")).isEqualTo(hash(TYPE, "{\"limit\":10.0e399}"));
        // An exponent that would take a billion digits to write out in full is hashed as quickly as any other.
        assertThat(hash(TYPE, "{\"limit\":1e999999999}")).isNotEqualTo(hash(TYPE, "{\"limit\":1e999999998}"));
    }

    private static byte[] hash(String type, String data) {
        return ContentHash.of(type, JSON.readTree(data));
    }
}
