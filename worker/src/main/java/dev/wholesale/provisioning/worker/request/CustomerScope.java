package dev.wholesale.provisioning.worker.request;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;

import tools.jackson.databind.JsonNode;

/** Which customer a request is about: the unit of ordering, locking and waiting. */
public final class CustomerScope {

    private CustomerScope() {
    }

    /** The customer's external id, or null for template requests and for data too broken to tell. */
    public static String customerExternalId(RequestType type, JsonNode data) {
        String field = switch (type) {
            case CUSTOMER_CREATE, CUSTOMER_UPDATE, CUSTOMER_DELETE -> "externalId";
            case USERS_ADD, USERS_UPDATE, USERS_REMOVE -> "customerExternalId";
            default -> null;
        };
        if (field == null || data == null) {
            return null;
        }
        JsonNode value = data.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
