package dev.wholesale.provisioning.worker.request;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.worker.idempotency.RequestKey;
import dev.wholesale.provisioning.contracts.intake.RequestIdentity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request that passed the envelope and whole-request checks. Users requests may still carry
 * errors for single items (a user, a location), which refuse just those items.
 *
 * @param event the whole CloudEvent, structured form, as it is kept while the request waits
 */
public record ProvisioningRequest(RequestIdentity identity, RequestType type, ObjectNode event,
                                  JsonNode data, byte[] contentHash, ItemErrors itemErrors) {

    public String partnerId() {
        return identity.partnerId();
    }

    public String requestId() {
        return identity.requestId();
    }

    public RequestKey key() {
        return new RequestKey(identity.partnerId(), identity.requestId());
    }

    /** The customer this request is about, for the request types that are about one. */
    public String customerExternalId() {
        return CustomerScope.customerExternalId(type, data);
    }
}
