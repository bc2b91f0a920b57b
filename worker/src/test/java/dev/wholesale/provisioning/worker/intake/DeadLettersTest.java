package dev.wholesale.provisioning.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;
import dev.wholesale.provisioning.contracts.intake.DecodedRecord;
import dev.wholesale.provisioning.contracts.intake.IntakeLimits;
import dev.wholesale.provisioning.contracts.intake.RecordDecoder;
import dev.wholesale.provisioning.contracts.intake.RecordOrigin;
import dev.wholesale.provisioning.worker.outbox.OutboxRecord;
import dev.wholesale.provisioning.worker.outbox.PublishableSize;

/** A dead letter is the record as received, plus why, and always small enough to publish. */
class DeadLettersTest {

    private static final int RELAY_MAX_REQUEST_SIZE = 1_048_576;
    private final PublishableSize publishable = new PublishableSize(RELAY_MAX_REQUEST_SIZE);
    private final DeadLetters deadLetters = new DeadLetters(IntakeLimits.DEFAULTS, publishable);

    @Test
    void aDeadLetterCarriesTheRecordUnchangedWithTheReasonAndItsOrigin() {
        byte[] value = "not json".getBytes(StandardCharsets.UTF_8);
        OutboxRecord deadLetter = deadLetters.of(RecordOrigin.of("requests", 2, 41, "p/c",
                List.of(new RecordOrigin.Header("trace", new byte[] {1})), value), DeadLetterReason.NOT_JSON, "detail");

        assertThat(deadLetter.topic()).isEqualTo("requests-dlt");
        assertThat(deadLetter.key()).isEqualTo("p/c");
        assertThat(deadLetter.payload()).isEqualTo(value);
        assertThat(headers(deadLetter)).containsEntry("dlt-reason", "NOT_JSON").containsEntry("dlt-original-topic", "requests")
                .containsEntry("dlt-original-partition", "2").containsEntry("dlt-original-offset", "41")
                .containsKey("trace").doesNotContainKeys("dlt-truncated", "dlt-original-key-size", "dlt-headers-left-out");
    }

    @Test
    void aValueTooLargeToPublishIsCutToWhatTheTopicTakesAndTheDeadLetterSaysSo() {
        byte[] value = new byte[2 * 1024 * 1024];
        OutboxRecord deadLetter = deadLetters.of(RecordOrigin.of("requests", 0, 7, null, List.of(), value),
                DeadLetterReason.TOO_LARGE, "2097152 bytes");

        assertThat(publishable.fits(deadLetter)).isTrue();
        assertThat(deadLetter.payload().length).isGreaterThan(RELAY_MAX_REQUEST_SIZE - 4096);
        assertThat(headers(deadLetter)).containsEntry("dlt-truncated", "true").containsEntry("dlt-original-size", "2097152");
    }

    @Test
    void aKeyOverTheLimitIsCutWithoutSplittingACharacterAndItsSizeIsKept() {
        String key = "ø".repeat(600_000); // two bytes each: 1.2 MB, and the limit (1024) falls between a pair
        OutboxRecord deadLetter = deadLetters.of(RecordOrigin.of("requests", 0, 7, key, List.of(), new byte[] {'x'}),
                DeadLetterReason.KEY_TOO_LARGE, "key too large");

        assertThat(deadLetter.key()).isEqualTo("ø".repeat(512));
        assertThat(headers(deadLetter)).containsEntry("dlt-original-key-size", "1200000");
        assertThat(publishable.fits(deadLetter)).isTrue();
    }

    @Test
    void headersBeyondTheLimitsAreLeftOutAndCounted() {
        List<RecordOrigin.Header> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(new RecordOrigin.Header("h" + i, new byte[100]));
        }
        OutboxRecord deadLetter = deadLetters.of(RecordOrigin.of("requests", 0, 7, "p/c", many, new byte[] {'x'}),
                DeadLetterReason.HEADERS_TOO_LARGE, "10000 headers");

        assertThat(deadLetter.headers()).filteredOn(header -> header.key().startsWith("h")).hasSize(64);
        assertThat(headers(deadLetter)).containsEntry("dlt-headers-left-out", Integer.toString(10_000 - 64))
                .containsEntry("dlt-reason", "HEADERS_TOO_LARGE");
        assertThat(publishable.fits(deadLetter)).isTrue();
    }

    @Test
    void aSendersOwnDeadLetterHeaderComesBeforeOursSoReadersTakingTheLastOneSeeOurs() {
        OutboxRecord deadLetter = deadLetters.of(RecordOrigin.of("requests", 0, 7, "p/c",
                List.of(new RecordOrigin.Header("dlt-reason", "PROCESSING_FAILED".getBytes(StandardCharsets.UTF_8))),
                new byte[] {'x'}), DeadLetterReason.NOT_JSON, "not json");

        assertThat(headers(deadLetter)).containsEntry("dlt-reason", "NOT_JSON");
    }

    @Test
    void theSmallerFormOfARefusedDeadLetterKeepsWhyAndWhereFromButNotTheValue() {
        OutboxRecord deadLetter = deadLetters.of(RecordOrigin.of("requests", 3, 9, "p/c",
                List.of(new RecordOrigin.Header("trace", new byte[] {1})), new byte[500_000]), DeadLetterReason.NOT_JSON, "x");

        OutboxRecord smaller = deadLetters.smallerForm(deadLetter).orElseThrow();

        assertThat(smaller.payload()).isEmpty();
        assertThat(headers(smaller)).containsEntry("dlt-reason", "NOT_JSON").containsEntry("dlt-original-offset", "9")
                .containsEntry("dlt-truncated", "true").containsEntry("dlt-original-size", "500000")
                .containsEntry("dlt-headers-left-out", "1").doesNotContainKey("trace");
        assertThat(smaller.deadLetterSource()).isEqualTo(deadLetter.deadLetterSource());
    }

    /** Parser messages quote what they could not read, and the dead letter's topic is read by people. */
    @Test
    void theDetailNamesNoEmailOrPhoneNumberItQuotes() {
        RecordOrigin origin = RecordOrigin.of("requests", 0, 9, null, List.of(),
                "{\"data\":{\"anna.hansen@fjord-bakery.dk\":1,\"anna.hansen@fjord-bakery.dk\":2}}".getBytes(StandardCharsets.UTF_8));
        DecodedRecord.Unreadable unreadable = (DecodedRecord.Unreadable) new RecordDecoder(IntakeLimits.DEFAULTS).decode(origin);
        assertThat(unreadable.detail()).as("the parser quotes the property name").contains("anna.hansen");

        String detail = headers(deadLetters.of(unreadable)).get("dlt-detail");

        assertThat(detail).doesNotContain("anna.hansen").contains("***@fjord-bakery.dk");
        assertThat(headers(deadLetters.of(origin, DeadLetterReason.PROCESSING_FAILED,
                "DuplicateKeyException: Key (phone_number)=(+45 32 12 34 56)")).get("dlt-detail"))
                .isEqualTo("DuplicateKeyException: Key (phone_number)=(+45***)");
    }

    private static Map<String, String> headers(OutboxRecord record) {
        return record.headers().stream().collect(Collectors.toMap(OutboxRecord.Header::key,
                header -> new String(header.value(), StandardCharsets.UTF_8), (a, b) -> b));
    }
}
