package dev.wholesale.provisioning.worker.idempotency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The idempotency decisions for one batch of requests, taken against what the request log held
 * when the batch started plus what the batch itself has seen so far (the same request may appear
 * twice in one batch). The new rows are written in one go at the end of the batch.
 */
public final class IdempotencyLedger {

    public enum Verdict {
        /** First sight of this id: process it. */
        NEW,
        /** Seen before with this very content: nothing changes, nothing is emitted. */
        REPEAT,
        /** Seen before with other content: refuse with IDEMPOTENCY_KEY_REUSED, once. */
        KEY_REUSED
    }

    private final Map<RequestKey, List<RequestLog.Entry>> known;
    private final List<RequestLog.NewEntry> additions = new ArrayList<>();

    public IdempotencyLedger(Map<RequestKey, List<RequestLog.Entry>> known) {
        this.known = known;
    }

    public Verdict admit(RequestKey key, byte[] contentHash) {
        List<RequestLog.Entry> entries = known.computeIfAbsent(key, k -> new ArrayList<>());
        boolean seenContent = entries.stream().anyMatch(entry -> Arrays.equals(entry.contentHash(), contentHash));
        if (seenContent) {
            return Verdict.REPEAT;
        }
        boolean original = entries.isEmpty();
        entries.add(new RequestLog.Entry(contentHash, original));
        return original ? Verdict.NEW : Verdict.KEY_REUSED;
    }

    /** Records how an admitted request (NEW or KEY_REUSED) ended in this batch. */
    public void record(RequestKey key, byte[] contentHash, String requestType, RequestLog.State state,
                       UUID resultEventId, Instant at) {
        boolean original = known.get(key).stream()
                .filter(entry -> Arrays.equals(entry.contentHash(), contentHash))
                .findFirst().orElseThrow(() -> new IllegalStateException("record() before admit() for " + key))
                .original();
        additions.add(new RequestLog.NewEntry(key, contentHash, requestType, original, state, resultEventId, at));
    }

    public List<RequestLog.NewEntry> additions() {
        return additions;
    }

    /** Hands over the rows recorded so far, for a caller that must write them before the batch ends. */
    public List<RequestLog.NewEntry> drainAdditions() {
        List<RequestLog.NewEntry> drained = List.copyOf(additions);
        additions.clear();
        return drained;
    }
}
