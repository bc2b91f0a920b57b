package dev.wholesale.provisioning.worker.subscriber;

import java.util.UUID;

import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/** A user of a customer; the customer's full administrator is one too, flagged. */
public record Subscriber(UUID id, UUID customerId, UUID locationId, String email, String firstName, String lastName,
                         ServicePackage servicePackage, String phoneNumber, String extension, boolean administrator) {

    public Subscriber with(UUID newLocationId, ServicePackage newPackage, String newPhoneNumber, String newExtension) {
        return new Subscriber(id, customerId, newLocationId, email, firstName, lastName, newPackage, newPhoneNumber,
                newExtension, administrator);
    }
}
