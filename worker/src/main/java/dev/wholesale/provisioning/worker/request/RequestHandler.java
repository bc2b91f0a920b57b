package dev.wholesale.provisioning.worker.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;

/**
 * Applies one kind of request inside the batch's transaction. Handlers check every rule before
 * they write; the database constraints catch what a concurrent instance slipped in between, and
 * the batch is then retried.
 */
public interface RequestHandler {

    Set<RequestType> types();

    Outcome handle(ProvisioningRequest request);

    /**
     * Applies requests of this handler that arrived one after the other, in that order, with the
     * outcomes each would have one by one; the outcomes are in the same order. A handler that can
     * apply them as a set, in fewer round trips, says so here.
     */
    default List<Outcome> handleAll(List<ProvisioningRequest> requests) {
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        for (ProvisioningRequest request : requests) {
            outcomes.add(handle(request));
        }
        return outcomes;
    }
}
