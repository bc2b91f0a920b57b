package dev.wholesale.provisioning.contracts.intake;

/**
 * Limits every request record must keep, checked before any work is done on it, so that a careless
 * or hostile record costs bounded memory and time. A record over a limit is dead-lettered (and, if
 * its id, type and partner can still be read, refused); the schema's own, tighter limits apply to
 * records within them.
 *
 * @param maxValueBytes   the value as consumed, that is decompressed
 * @param maxKeyBytes     the record key (a valid key, {@code partnerid/externalId}, has at most 193
 *                        characters)
 * @param maxHeaders      the number of headers (binary mode needs about ten)
 * @param maxHeaderBytes  header names and values together
 * @param maxNestingDepth the deepest valid request nests 5 levels
 * @param maxStringLength the longest valid string has 1024 characters
 */
public record IntakeLimits(int maxValueBytes, int maxKeyBytes, int maxHeaders, int maxHeaderBytes, int maxNestingDepth,
                           int maxStringLength) {

    public static final IntakeLimits DEFAULTS = new IntakeLimits(1024 * 1024, 1024, 64, 32 * 1024, 16, 16_384);

    /** What the tail of a record batch and a record's own framing add to key, value and headers. */
    private static final int RECORD_OVERHEAD_BYTES = 1024;

    public IntakeLimits {
        positive(maxValueBytes, "maxValueBytes");
        positive(maxKeyBytes, "maxKeyBytes");
        positive(maxHeaders, "maxHeaders");
        positive(maxHeaderBytes, "maxHeaderBytes");
        positive(maxNestingDepth, "maxNestingDepth");
        positive(maxStringLength, "maxStringLength");
    }

    /**
     * The {@code max.message.bytes} a request topic needs so that every record within these limits
     * fits, and a record over them is at most this large when it reaches the worker.
     */
    public int maxRecordBytes() {
        return maxValueBytes + maxKeyBytes + maxHeaderBytes + RECORD_OVERHEAD_BYTES;
    }

    public IntakeLimits withMaxValueBytes(int bytes) {
        return new IntakeLimits(bytes, maxKeyBytes, maxHeaders, maxHeaderBytes, maxNestingDepth, maxStringLength);
    }

    public IntakeLimits withMaxKeyBytes(int bytes) {
        return new IntakeLimits(maxValueBytes, bytes, maxHeaders, maxHeaderBytes, maxNestingDepth, maxStringLength);
    }

    public IntakeLimits withMaxHeaders(int count, int bytes) {
        return new IntakeLimits(maxValueBytes, maxKeyBytes, count, bytes, maxNestingDepth, maxStringLength);
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
