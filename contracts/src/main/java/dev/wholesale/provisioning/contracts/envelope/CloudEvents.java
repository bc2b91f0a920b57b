package dev.wholesale.provisioning.contracts.envelope;

/** Constants of the CloudEvents 1.0 Kafka binding as this catalogue uses it. */
public final class CloudEvents {

    /** The {@code content-type} header of a structured-mode event. */
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    private CloudEvents() {
    }
}
