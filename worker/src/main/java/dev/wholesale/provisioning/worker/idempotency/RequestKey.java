package dev.wholesale.provisioning.worker.idempotency;

/** A request id is an idempotency key within its partner only. */
public record RequestKey(String partnerId, String requestId) {
}
