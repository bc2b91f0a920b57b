package dev.wholesale.provisioning.worker.support;

import org.slf4j.MDC;

import dev.wholesale.provisioning.contracts.intake.RequestIdentity;

/**
 * Puts the request being worked on into the logging context, so that every line logged meanwhile
 * (ours, Spring's, the JDBC driver's) carries partner, request id, type and W3C trace id.
 */
public final class LogContext implements AutoCloseable {

    private static final String[] KEYS = {"partner", "requestId", "requestType", "traceId"};

    /** What the keys held before, so that a context opened inside another gives the outer one back. */
    private final String[] previous;

    private LogContext(String[] previous) {
        this.previous = previous;
    }

    public static LogContext of(RequestIdentity identity, String traceparent) {
        String[] previous = new String[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            previous[i] = MDC.get(KEYS[i]);
            MDC.remove(KEYS[i]);
        }
        if (identity != null) {
            MDC.put("partner", identity.partnerId());
            MDC.put("requestId", identity.requestId());
            MDC.put("requestType", identity.type());
        }
        String traceId = traceIdOf(traceparent);
        if (traceId != null) {
            MDC.put("traceId", traceId);
        }
        return new LogContext(previous);
    }

    /** The trace id of a W3C traceparent ("00-<trace id>-<parent id>-<flags>"), if it is one. */
    static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 && parts[1].chars().allMatch(c -> Character.digit(c, 16) >= 0)
                ? parts[1] : null;
    }

    @Override
    public void close() {
        for (int i = 0; i < KEYS.length; i++) {
            if (previous[i] == null) {
                MDC.remove(KEYS[i]);
            } else {
                MDC.put(KEYS[i], previous[i]);
            }
        }
    }
}
