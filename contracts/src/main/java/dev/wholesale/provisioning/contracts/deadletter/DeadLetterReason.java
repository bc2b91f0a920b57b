package dev.wholesale.provisioning.contracts.deadletter;

/**
 * Why a record was set aside on its dead-letter topic, as the {@link DeadLetterHeaders#REASON} header
 * says it: stable strings, so readers may switch on them (a new one is a change they must expect).
 */
public enum DeadLetterReason {
    /** The value is not well-formed UTF-8 JSON (truncated, binary, empty, ...). */
    NOT_JSON,
    /** The JSON repeats a property name in one object, so what the sender meant is ambiguous. */
    DUPLICATE_KEY,
    /** Well-formed JSON, but not a CloudEvent we can address a result to (no object, no id or type). */
    NOT_A_CLOUDEVENT,
    /** A CloudEvent without the partnerid extension: no tenant to answer to. */
    MISSING_PARTNER_ID,
    /** The value is larger than the configured maximum (decompressed, as consumed). */
    TOO_LARGE,
    /** The record key is larger than the configured maximum; the dead letter carries it cut. */
    KEY_TOO_LARGE,
    /** More headers, or more header bytes, than configured; the dead letter carries the first of them. */
    HEADERS_TOO_LARGE,
    /** Nested deeper than the configured maximum. */
    TOO_DEEP,
    /** A string, number or property name longer than the parser accepts. */
    TOKEN_TOO_LONG,
    /** The content-type header names something other than JSON or a structured CloudEvent. */
    UNSUPPORTED_CONTENT_TYPE,
    /**
     * Readable, but applying it failed again and again without an outage (a defect, or data the
     * store refuses): set aside so that its partition moves on. No result is published for it.
     */
    PROCESSING_FAILED
}
