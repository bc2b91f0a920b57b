package dev.wholesale.provisioning.worker.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.wholesale.provisioning.contracts.idempotency.ContentHash;

import tools.jackson.databind.json.JsonMapper;

/** The idempotency contract: same id and content is a repeat, other content a refused reuse, once. */
class IdempotencyLedgerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RequestKey key = new RequestKey("partner-a", "r-1");
    private final byte[] original = ContentHash.of("t", JSON.readTree("{\"a\":1,\"b\":[1,2]}"));
    private final byte[] reordered = ContentHash.of("t", JSON.readTree("{ \"b\" : [1, 2], \"a\" : 1.0 }"));
    private final byte[] other = ContentHash.of("t", JSON.readTree("{\"a\":2,\"b\":[1,2]}"));

    @Test
    void sameContentRegardlessOfPropertyOrderSpacingOrNumberSpellingIsARepeat() {
        IdempotencyLedger ledger = new IdempotencyLedger(new HashMap<>());
        assertThat(ledger.admit(key, original)).isEqualTo(IdempotencyLedger.Verdict.NEW);
        assertThat(ledger.admit(key, reordered)).isEqualTo(IdempotencyLedger.Verdict.REPEAT);
    }

    @Test
    void otherContentUnderAKnownIdIsRefusedOnceAndThenARepeatToo() {
        IdempotencyLedger ledger = new IdempotencyLedger(new HashMap<>());
        ledger.admit(key, original);
        assertThat(ledger.admit(key, other)).isEqualTo(IdempotencyLedger.Verdict.KEY_REUSED);
        assertThat(ledger.admit(key, other)).isEqualTo(IdempotencyLedger.Verdict.REPEAT);
    }

    @Test
    void whatTheLogAlreadyHoldsCountsAsSeen() {
        Map<RequestKey, List<RequestLog.Entry>> known = new HashMap<>(Map.of(key,
                new java.util.ArrayList<>(List.of(new RequestLog.Entry(original, true)))));
        IdempotencyLedger ledger = new IdempotencyLedger(known);
        assertThat(ledger.admit(key, reordered)).isEqualTo(IdempotencyLedger.Verdict.REPEAT);
        assertThat(ledger.admit(key, other)).isEqualTo(IdempotencyLedger.Verdict.KEY_REUSED);
        assertThat(ledger.admit(new RequestKey("partner-b", "r-1"), original))
                .as("request ids are keys per partner").isEqualTo(IdempotencyLedger.Verdict.NEW);
    }

    @Test
    void onlyTheFirstContentOfAnIdIsRecordedAsTheOriginal() {
        IdempotencyLedger ledger = new IdempotencyLedger(new HashMap<>());
        ledger.admit(key, original);
        ledger.admit(key, other);
        ledger.record(key, original, "t", RequestLog.State.COMPLETED, null, Instant.now());
        ledger.record(key, other, "t", RequestLog.State.COMPLETED, null, Instant.now());
        assertThat(ledger.additions()).extracting(RequestLog.NewEntry::original).containsExactly(true, false);
        assertThat(ledger.drainAdditions()).hasSize(2);
        assertThat(ledger.additions()).isEmpty();
    }

    @Test
    void contentHashesDifferWhenAnyValueOrTheTypeDiffers() {
        assertThat(ContentHash.of("t", JSON.readTree("[\"ab\",\"c\"]")))
                .isNotEqualTo(ContentHash.of("t", JSON.readTree("[\"a\",\"bc\"]")));
        assertThat(ContentHash.of("t", JSON.readTree("{\"a\":1}"))).isNotEqualTo(ContentHash.of("u", JSON.readTree("{\"a\":1}")));
        assertThat(original).isNotEqualTo(other);
    }
}
