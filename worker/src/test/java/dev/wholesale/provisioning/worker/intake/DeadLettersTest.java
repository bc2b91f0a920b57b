package dev.wholesale.provisioning.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;
import dev.wholesale.provisioning.worker.outbox.OutboxRecord;

/** A dead letter is the record as received, plus why, and always small enough to publish. */
class DeadLettersTest {

    @Test
    void aDeadLetterCarriesTheRecordUnchangedWithTheReasonAndItsOrigin() {
        byte[] value = "not json".getBytes(StandardCharsets.UTF_8);
        OutboxRecord deadLetter = DeadLetters.of(new RecordOrigin("requests", 2, 41, "p/c",
                List.of(new RecordOrigin.Header("trace", new byte[] {1})), value), DeadLetterReason.NOT_JSON, "detail");

        assertThat(deadLetter.topic()).isEqualTo("requests-dlt");
        assertThat(deadLetter.key()).isEqualTo("p/c");
        assertThat(deadLetter.payload()).isEqualTo(value);
        assertThat(headers(deadLetter)).containsEntry("dlt-reason", "NOT_JSON").containsEntry("dlt-original-topic", "requests")
                .containsEntry("dlt-original-partition", "2").containsEntry("dlt-original-offset", "41")
                .containsKey("trace").doesNotContainKey("dlt-truncated");
    }

    @Test
    void aValueTooLargeToPublishIsCutAndTheDeadLetterSaysSo() {
        byte[] value = new byte[2 * 1024 * 1024];
        OutboxRecord deadLetter = DeadLetters.of(new RecordOrigin("requests", 0, 7, null, List.of(), value),
                DeadLetterReason.TOO_LARGE, "2097152 bytes");

        assertThat(deadLetter.payload()).hasSize(DeadLetters.MAX_VALUE_BYTES);
        assertThat(headers(deadLetter)).containsEntry("dlt-truncated", "true").containsEntry("dlt-original-size", "2097152");
    }

    /** Parser messages quote what they could not read, and the dead letter's topic is read by people. */
    @Test
    void theDetailNamesNoEmailOrPhoneNumberItQuotes() {
        RecordOrigin origin = new RecordOrigin("requests", 0, 9, null, List.of(),
                "{\"data\":{\"anna.hansen@fjord-bakery.dk\":1,\"anna.hansen@fjord-bakery.dk\":2}}".getBytes(StandardCharsets.UTF_8));
        DecodedRecord.Unreadable unreadable = (DecodedRecord.Unreadable) new RecordDecoder(IntakeLimits.defaults()).decode(origin);
        assertThat(unreadable.detail()).as("the parser quotes the property name").contains("anna.hansen");

        String detail = headers(DeadLetters.of(unreadable)).get("dlt-detail");

        assertThat(detail).doesNotContain("anna.hansen").contains("***@fjord-bakery.dk");
        assertThat(headers(DeadLetters.of(origin, DeadLetterReason.PROCESSING_FAILED,
                "DuplicateKeyException: Key (phone_number)=(+45 32 12 34 56)")).get("dlt-detail"))
                .isEqualTo("DuplicateKeyException: Key (phone_number)=(+45***)");
    }

    private static Map<String, String> headers(OutboxRecord record) {
        return record.headers().stream().collect(Collectors.toMap(OutboxRecord.Header::key,
                header -> new String(header.value(), StandardCharsets.UTF_8), (a, b) -> b));
    }
}
