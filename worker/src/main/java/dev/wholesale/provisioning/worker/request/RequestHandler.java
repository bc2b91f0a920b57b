package dev.wholesale.provisioning.worker.request;

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
}
