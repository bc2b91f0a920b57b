package dev.wholesale.provisioning.bench.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reconciler reads each kind of record a careless or hostile sender writes exactly as the
 * worker does: readable (one result per distinct content), set aside but answered (dead-lettered
 * and refused), or set aside unanswered. Reading leniently, it once counted a record whose JSON
 * has the key "id" twice as a readable request without a result: a false "lost result".
 */
class RequestRecordTest {

    private static final String HEAD = "{\"specversion\":\"1.0\",\"id\":\"r-1\",\"source\":\"urn:t\","
            + "\"type\":\"provisioning.customer.delete.v1\",\"partnerid\":\"p\",";
    private static final String VALID = HEAD + "\"data\":{\"externalId\":\"c\"}}";

    enum Read { READABLE, ANSWERED_DEAD_LETTER, UNANSWERED_DEAD_LETTER }

    record Kind(String name, byte[] key, Map<String, String> headers, byte[] value, Read expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Kind> kinds() {
        return List.of(
                kind("a valid structured request", VALID, Read.READABLE),
                kind("the attribute id twice", "{\"specversion\":\"1.0\",\"id\":\"a\",\"id\":\"b\",\"source\":\"urn:t\","
                        + "\"type\":\"provisioning.customer.delete.v1\",\"partnerid\":\"p\",\"data\":{}}", Read.UNANSWERED_DEAD_LETTER),
                kind("a key twice in data", HEAD + "\"data\":{\"externalId\":\"a\",\"externalId\":\"b\"}}", Read.ANSWERED_DEAD_LETTER),
                kind("not JSON", "not json", Read.UNANSWERED_DEAD_LETTER),
                kind("truncated after the identity", VALID.substring(0, VALID.length() - 5), Read.ANSWERED_DEAD_LETTER),
                kind("empty", "", Read.UNANSWERED_DEAD_LETTER),
                kind("JSON but not an object", "[1,2]", Read.UNANSWERED_DEAD_LETTER),
                kind("no partnerid", "{\"specversion\":\"1.0\",\"id\":\"r\",\"source\":\"urn:t\",\"type\":\"t\",\"data\":{}}",
                        Read.UNANSWERED_DEAD_LETTER),
                kind("a control character in partnerid", VALID.replace("\"p\"", "\"p\\u0000\""), Read.UNANSWERED_DEAD_LETTER),
                kind("nested too deep", HEAD + "\"data\":" + "[".repeat(40) + "]".repeat(40) + "}", Read.ANSWERED_DEAD_LETTER),
                kind("a string too long", HEAD + "\"data\":{\"externalId\":\"" + "x".repeat(20_000) + "\"}}",
                        Read.ANSWERED_DEAD_LETTER),
                kind("a value over 1 MiB", HEAD + "\"data\":{\"padding\":\"" + "x ".repeat(600_000) + "\"}}",
                        Read.ANSWERED_DEAD_LETTER),
                new Kind("a key over 1 KiB", new byte[5_000], Map.of(), bytes(VALID), Read.ANSWERED_DEAD_LETTER),
                new Kind("100 headers", null, manyHeaders(100), bytes(VALID), Read.ANSWERED_DEAD_LETTER),
                new Kind("an unsupported content type", null, Map.of("content-type", "application/avro"), bytes(VALID),
                        Read.ANSWERED_DEAD_LETTER),
                new Kind("binary mode", null, Map.of("ce_specversion", "1.0", "ce_id", "r-2", "ce_source", "urn:t",
                        "ce_type", "provisioning.customer.delete.v1", "ce_partnerid", "p", "content-type", "application/json"),
                        bytes("{\"externalId\":\"c\"}"), Read.READABLE),
                new Kind("binary mode, data not JSON", null, Map.of("ce_specversion", "1.0", "ce_id", "r-3",
                        "ce_type", "provisioning.customer.delete.v1", "ce_partnerid", "p"), bytes("{nope"),
                        Read.ANSWERED_DEAD_LETTER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyKindOfRecordIsReadAsTheWorkerReadsIt(Kind kind) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("provisioning.customer-requests.v1", 0, 7, kind.key(),
                kind.value());
        kind.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, bytes(value))));

        Reconciliation.RequestRecord read = Reconciliation.RequestRecord.of(record);

        Read actual = read == null ? Read.UNANSWERED_DEAD_LETTER : read.readable() ? Read.READABLE : Read.ANSWERED_DEAD_LETTER;
        assertThat(actual).isEqualTo(kind.expected());
    }

    private static Kind kind(String name, String value, Read expected) {
        return new Kind(name, bytes("p/c"), Map.of("content-type", "application/cloudevents+json"), bytes(value), expected);
    }

    private static Map<String, String> manyHeaders(int count) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            headers.put("h" + i, "v");
        }
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
