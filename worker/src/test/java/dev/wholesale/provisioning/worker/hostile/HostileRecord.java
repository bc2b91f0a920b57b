package dev.wholesale.provisioning.worker.hostile;

import java.util.List;

/**
 * One record of the hostile corpus, exactly as it goes onto the topic, and what the worker must do
 * with it.
 *
 * @param requestId the id a result (if any) answers; null when the record names none readably
 * @param compressed sent by the gzip producer (a value over 1 MiB cannot travel otherwise)
 */
record HostileRecord(int index, String category, String name, String topic, byte[] key, byte[] value,
                     List<RawRecords.Header> headers, String requestId, boolean compressed, Expect expect) {

    /** Stands for "any pointer, or none": envelope and whole-data errors, whose pointer is the contract's to refine. */
    static final String ANY_POINTER = "<any>";

    sealed interface Expect {
    }

    /**
     * To {@code <topic>-dlt} with this {@code dlt-reason}. {@code answerCode}: the code of the
     * {@code provisioning.request.rejected.v1} the sender gets as well (its identity was readable),
     * or null when no (further) result is due.
     */
    record DeadLetter(String reason, String answerCode) implements Expect {
    }

    /** Refused as a whole with {@code provisioning.request.rejected.v1}: every error has this code, at these pointers. */
    record Refused(String code, List<String> pointers) implements Expect {
    }

    /**
     * Applied: a result of this type and status. {@code itemPointers}: pointers that must appear among
     * the per-user/per-location errors. {@code echoPointer}/{@code echoValue}: a field of the result's
     * {@code data} that must hold exactly this text (what was sent, stored and echoed unchanged).
     */
    record Applied(String resultType, String status, List<String> itemPointers, String echoPointer, String echoValue)
            implements Expect {
    }

    /** Anything but a result: used for the structured body of a record whose ce_* headers lie about its id. */
    record NoResult() implements Expect {
    }

    String outcome() {
        if (expect instanceof DeadLetter d) {
            return "dead-lettered " + d.reason() + (d.answerCode() == null ? "" : " + refused " + d.answerCode());
        }
        if (expect instanceof Refused r) {
            return "refused " + r.code();
        }
        if (expect instanceof Applied a) {
            return "applied " + a.resultType().replace("provisioning.", "") + " " + a.status();
        }
        return "no result";
    }
}
