package dev.wholesale.provisioning.worker.customer;

import java.util.Map;
import java.util.UUID;

import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/** A live customer organisation as the store holds it. */
public record Customer(UUID id, String partnerId, String externalId, UUID provisioningId, String name,
                       String primaryEmail, String language, ServicePackage servicePackage,
                       Map<ServicePackage, Integer> packageLimits, Region region, UUID headquartersLocationId,
                       UUID administratorId) {

    /** The most users this customer may have with a package, or null for no limit. */
    public Integer limitOf(ServicePackage servicePackage) {
        return packageLimits == null ? null : packageLimits.get(servicePackage);
    }
}
