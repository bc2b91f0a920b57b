package dev.wholesale.provisioning.contracts.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A structured-mode CloudEvent of this catalogue. {@code time} stays the RFC 3339 string it was
 * sent as, so that reading and writing an event never changes it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(String specversion, String id, String source, String type, String partnerid,
                            String subject, String time, String datacontenttype, String traceparent, T data) {
}
