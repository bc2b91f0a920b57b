package dev.wholesale.provisioning.contracts.intake;


/**
 * What a result needs to be addressed at all: the tenant, the sender's request id and the request
 * type as sent (which may be one we do not support).
 */
public record RequestIdentity(String partnerId, String requestId, String type) {

    static final int MAX_REQUEST_ID = 128;
    static final int MAX_PARTNER_ID = 128;
    static final int MAX_TYPE = 256;

    /** The identity, if all three attributes are present, textual and of a sane length. */
    public static RequestIdentity ofNullable(String partnerId, String requestId, String type) {
        if (!fits(partnerId, MAX_PARTNER_ID) || !fits(requestId, MAX_REQUEST_ID) || !fits(type, MAX_TYPE)) {
            return null;
        }
        return new RequestIdentity(partnerId, requestId, type);
    }

    private static boolean fits(String value, int maxLength) {
        return value != null && !value.isBlank() && value.length() <= maxLength
                && TextSafety.isSafe(value);
    }
}
