package dev.wholesale.provisioning.worker.packages;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/** The package table of the domain: which packages include calling, and which moves are upgrades. */
public final class PackageRules {

    private static final Set<ServicePackage> CALLING = EnumSet.of(ServicePackage.WEBEX_VOICE,
            ServicePackage.WEBEX_CALLING, ServicePackage.WEBEX_SUITE, ServicePackage.CX_ESSENTIALS);

    private static final Map<ServicePackage, Set<ServicePackage>> UPGRADES = Map.of(
            ServicePackage.WEBEX_MEETINGS, EnumSet.of(ServicePackage.WEBEX_SUITE),
            ServicePackage.WEBEX_VOICE, EnumSet.of(ServicePackage.WEBEX_CALLING, ServicePackage.WEBEX_SUITE,
                    ServicePackage.CX_ESSENTIALS),
            ServicePackage.WEBEX_CALLING, EnumSet.of(ServicePackage.WEBEX_SUITE, ServicePackage.CX_ESSENTIALS),
            ServicePackage.WEBEX_SUITE, EnumSet.noneOf(ServicePackage.class),
            ServicePackage.CX_ESSENTIALS, EnumSet.noneOf(ServicePackage.class));

    private PackageRules() {
    }

    /** A user with this package needs a phone number or an extension. */
    public static boolean includesCalling(ServicePackage servicePackage) {
        return CALLING.contains(servicePackage);
    }

    /** Staying put or upgrading is allowed; every other move is a downgrade. */
    public static boolean mayMove(ServicePackage from, ServicePackage to) {
        return from == to || UPGRADES.get(from).contains(to);
    }
}
