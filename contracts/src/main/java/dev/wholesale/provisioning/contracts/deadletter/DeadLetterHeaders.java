package dev.wholesale.provisioning.contracts.deadletter;

import java.util.List;

/**
 * The headers the worker adds to a record it sets aside on a dead-letter topic ({@code <topic>-dlt}).
 * The record keeps its own headers and value; these say why and where from. Values are UTF-8 text.
 */
public final class DeadLetterHeaders {

    /** One of {@link DeadLetterReason}. */
    public static final String REASON = "dlt-reason";
    /** What exactly could not be read, in words. */
    public static final String DETAIL = "dlt-detail";
    /** The topic the record was read from. */
    public static final String ORIGINAL_TOPIC = "dlt-original-topic";
    /** Its partition, as a decimal number. */
    public static final String ORIGINAL_PARTITION = "dlt-original-partition";
    /** Its offset, as a decimal number. */
    public static final String ORIGINAL_OFFSET = "dlt-original-offset";
    /** {@code true} when the value was cut to fit on the dead-letter topic; absent otherwise. */
    public static final String TRUNCATED = "dlt-truncated";
    /** The original value's size in bytes, when it was cut. */
    public static final String ORIGINAL_SIZE = "dlt-original-size";
    /** The original key's size in bytes, when the key was cut to fit; absent otherwise. */
    public static final String ORIGINAL_KEY_SIZE = "dlt-original-key-size";
    /** How many of the original headers were left out to fit, when any were; absent otherwise. */
    public static final String HEADERS_LEFT_OUT = "dlt-headers-left-out";

    /** Every dead letter has these. */
    public static final List<String> ALWAYS = List.of(REASON, DETAIL, ORIGINAL_TOPIC, ORIGINAL_PARTITION, ORIGINAL_OFFSET);
    /** Every header this class names. */
    public static final List<String> ALL = List.of(REASON, DETAIL, ORIGINAL_TOPIC, ORIGINAL_PARTITION, ORIGINAL_OFFSET,
            TRUNCATED, ORIGINAL_SIZE, ORIGINAL_KEY_SIZE, HEADERS_LEFT_OUT);

    private DeadLetterHeaders() {
    }
}
