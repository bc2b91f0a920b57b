package dev.wholesale.provisioning.worker.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.wholesale.provisioning.contracts.idempotency.ContentHash;
import dev.wholesale.provisioning.worker.idempotency.IdempotencyLedger.Verdict;

import tools.jackson.databind.json.JsonMapper;

/**
 * Request ids are idempotency keys per partner (MESSAGES.md): same content again changes nothing,
 * other content is refused once as IDEMPOTENCY_KEY_REUSED, and both hold across batches.
 */
class IdempotencyLedgerVerdictsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TYPE = "provisioning.customer.delete.v1";
    private static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");

    private final RequestKey key = new RequestKey("partner-a", "r-1");
    private final byte[] content = hash("{\"externalId\":\"c-1\"}");
    private final byte[] otherContent = hash("{\"externalId\":\"c-2\"}");

    @Test
    void theFirstSightOfAnIdIsNewAndTheSameContentAgainIsARepeat() {
        IdempotencyLedger ledger = new IdempotencyLedger(new HashMap<>());

        assertThat(ledger.admit(key, content)).isEqualTo(Verdict.NEW);
        assertThat(ledger.admit(key, hash("{ \"externalId\" : \"c-1\" }"))).isEqualTo(Verdict.REPEAT);
        assertThat(ledger.admit(key, content)).isEqualTo(Verdict.REPEAT);
    }

    @Test
    void otherContentUnderAKnownIdIsAReusedKeyOnceAndARepeatWhenSentAgain() {
        IdempotencyLedger ledger = new IdempotencyLedger(new HashMap<>());
        ledger.admit(key, content);

        assertThat(ledger.admit(key, otherContent)).isEqualTo(Verdict.KEY_REUSED);
        assertThat(ledger.admit(key, otherContent)).isEqualTo(Verdict.REPEAT);
        assertThat(ledger.admit(key, content)).as("the original is still a repeat").isEqualTo(Verdict.REPEAT);
    }

    @Test
    void theSameRequestIdOfAnotherPartnerIsNew() {
        IdempotencyLedger ledger = new IdempotencyLedger(new HashMap<>());
        ledger.admit(key, content);

        assertThat(ledger.admit(new RequestKey("partner-b", "r-1"), otherContent)).isEqualTo(Verdict.NEW);
    }

    @Test
    void entriesLoadedFromTheRequestLogBehaveLikeOnesSeenInThisBatch() {
        Map<RequestKey, List<RequestLog.Entry>> lookedUp = new HashMap<>();
        lookedUp.computeIfAbsent(key, k -> new ArrayList<>()).add(new RequestLog.Entry(content, true));
        IdempotencyLedger ledger = new IdempotencyLedger(lookedUp);

        assertThat(ledger.admit(key, content)).isEqualTo(Verdict.REPEAT);
        assertThat(ledger.admit(key, otherContent)).isEqualTo(Verdict.KEY_REUSED);
        assertThat(ledger.admit(key, otherContent)).isEqualTo(Verdict.REPEAT);
    }

    @Test
    void aReusedKeyAlreadyRefusedInAnEarlierBatchIsARepeatNow() {
        Map<RequestKey, List<RequestLog.Entry>> lookedUp = new HashMap<>();
        List<RequestLog.Entry> entries = lookedUp.computeIfAbsent(key, k -> new ArrayList<>());
        entries.add(new RequestLog.Entry(content, true));
        entries.add(new RequestLog.Entry(otherContent, false));
        IdempotencyLedger ledger = new IdempotencyLedger(lookedUp);

        assertThat(ledger.admit(key, otherContent)).isEqualTo(Verdict.REPEAT);
        assertThat(ledger.admit(key, hash("{\"externalId\":\"c-3\"}"))).isEqualTo(Verdict.KEY_REUSED);
    }

    @Test
    void recordMarksOnlyTheFirstContentOfAnIdAsTheOriginal() {
        IdempotencyLedger ledger = new IdempotencyLedger(new HashMap<>());
        ledger.admit(key, content);
        ledger.admit(key, otherContent);

        ledger.record(key, content, TYPE, RequestLog.State.COMPLETED, UUID.randomUUID(), AT);
        ledger.record(key, otherContent, TYPE, RequestLog.State.COMPLETED, UUID.randomUUID(), AT);

        assertThat(ledger.additions()).extracting(RequestLog.NewEntry::contentHash, RequestLog.NewEntry::original)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(content, true),
                        org.assertj.core.groups.Tuple.tuple(otherContent, false));
    }

    @Test
    void recordOfContentAlreadyInTheLogAsOriginalKeepsItOriginalAndOtherwiseNot() {
        Map<RequestKey, List<RequestLog.Entry>> lookedUp = new HashMap<>();
        lookedUp.computeIfAbsent(key, k -> new ArrayList<>()).add(new RequestLog.Entry(content, true));
        IdempotencyLedger ledger = new IdempotencyLedger(lookedUp);
        ledger.admit(key, otherContent);

        ledger.record(key, otherContent, TYPE, RequestLog.State.COMPLETED, UUID.randomUUID(), AT);

        assertThat(ledger.additions()).singleElement().extracting(RequestLog.NewEntry::original).isEqualTo(false);
    }

    @Test
    void drainAdditionsHandsOverWhatWasRecordedAndEmptiesThePendingList() {
        IdempotencyLedger ledger = new IdempotencyLedger(new HashMap<>());
        ledger.admit(key, content);
        ledger.record(key, content, TYPE, RequestLog.State.WAITING, null, AT);

        List<RequestLog.NewEntry> drained = ledger.drainAdditions();

        assertThat(drained).singleElement().satisfies(entry -> {
            assertThat(entry.key()).isEqualTo(key);
            assertThat(entry.requestType()).isEqualTo(TYPE);
            assertThat(entry.state()).isEqualTo(RequestLog.State.WAITING);
            assertThat(entry.original()).isTrue();
        });
        assertThat(ledger.additions()).isEmpty();
        assertThat(ledger.drainAdditions()).isEmpty();
    }

    @Test
    void drainingDoesNotForgetWhatWasSeen() {
        IdempotencyLedger ledger = new IdempotencyLedger(new HashMap<>());
        ledger.admit(key, content);
        ledger.record(key, content, TYPE, RequestLog.State.COMPLETED, UUID.randomUUID(), AT);
        ledger.drainAdditions();

        assertThat(ledger.admit(key, content)).isEqualTo(Verdict.REPEAT);
    }

    private static byte[] hash(String data) {
        return ContentHash.of(TYPE, JSON.readTree(data));
    }
}
