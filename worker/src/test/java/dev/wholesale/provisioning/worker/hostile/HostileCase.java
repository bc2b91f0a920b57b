package dev.wholesale.provisioning.worker.hostile;

import java.util.Map;

/**
 * One hostile record and what the worker must do with it: dead-letter it (with a reason, and
 * answer the sender too when its identity is readable), refuse it with a code, or accept it.
 */
record HostileCase(String name, String topic, String key, byte[] value, Map<String, String> headers, String requestId,
                   Expectation expectation) {

    sealed interface Expectation {
    }

    /** To the DLT with this reason; {@code answered}: a rejection goes to the sender as well. */
    record DeadLetter(String reason, boolean answered) implements Expectation {
    }

    record Rejected(String code) implements Expectation {
    }

    record Accepted(String resultType) implements Expectation {
    }
}
