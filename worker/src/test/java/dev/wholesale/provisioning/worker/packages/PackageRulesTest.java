package dev.wholesale.provisioning.worker.packages;

import static dev.wholesale.provisioning.contracts.catalogue.ServicePackage.CX_ESSENTIALS;
import static dev.wholesale.provisioning.contracts.catalogue.ServicePackage.WEBEX_CALLING;
import static dev.wholesale.provisioning.contracts.catalogue.ServicePackage.WEBEX_MEETINGS;
import static dev.wholesale.provisioning.contracts.catalogue.ServicePackage.WEBEX_SUITE;
import static dev.wholesale.provisioning.contracts.catalogue.ServicePackage.WEBEX_VOICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;

/** The package table of DOMAIN.md, cell by cell. */
class PackageRulesTest {

    private static final Map<ServicePackage, Set<ServicePackage>> UPGRADES_IN_THE_DOMAIN = Map.of(
            WEBEX_MEETINGS, Set.of(WEBEX_SUITE),
            WEBEX_VOICE, Set.of(WEBEX_CALLING, WEBEX_SUITE, CX_ESSENTIALS),
            WEBEX_CALLING, Set.of(WEBEX_SUITE, CX_ESSENTIALS),
            WEBEX_SUITE, Set.of(),
            CX_ESSENTIALS, Set.of());

    @Test
    void onlyMeetingsComesWithoutCalling() {
        assertThat(PackageRules.includesCalling(WEBEX_MEETINGS)).isFalse();
        assertThat(Set.of(WEBEX_VOICE, WEBEX_CALLING, WEBEX_SUITE, CX_ESSENTIALS)).allMatch(PackageRules::includesCalling);
    }

    @ParameterizedTest
    @EnumSource(ServicePackage.class)
    void fromEachPackageExactlyTheListedUpgradesAndStayingPutAreAllowed(ServicePackage from) {
        for (ServicePackage to : ServicePackage.values()) {
            boolean allowed = from == to || UPGRADES_IN_THE_DOMAIN.get(from).contains(to);
            assertThat(PackageRules.mayMove(from, to)).as(from + " -> " + to).isEqualTo(allowed);
        }
    }

    @Test
    void theTopPackagesCannotMoveAnywhere() {
        assertThat(PackageRules.mayMove(WEBEX_SUITE, CX_ESSENTIALS)).isFalse();
        assertThat(PackageRules.mayMove(CX_ESSENTIALS, WEBEX_SUITE)).isFalse();
        assertThat(PackageRules.mayMove(WEBEX_CALLING, WEBEX_VOICE)).isFalse();
    }
}
