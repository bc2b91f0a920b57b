package dev.wholesale.provisioning.worker.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many may wait for customers that do not exist yet, and what a request beyond that is told. */
class WaitingLimitsTest {

    private final WaitingLimits limits = new WaitingLimits(3, 5, 0);

    @Test
    void aRequestMayWaitWhileBothItsCustomerAndItsPartnerAreBelowTheirLimits() {
        assertThat(limits.whyFull("c-1", new WaitingLimits.Waiting(2, 4))).isEmpty();
    }

    @Test
    void aRequestForACustomerThatHasAsManyWaitingAsAllowedIsRefusedSayingWhy() {
        assertThat(limits.whyFull("c-1", new WaitingLimits.Waiting(3, 3))).hasValueSatisfying(why -> assertThat(why)
                .contains("'c-1'").contains("3 requests wait for it already").contains("nothing was changed"));
    }

    @Test
    void aRequestOfAPartnerThatHasAsManyWaitingAsAllowedIsRefusedSayingWhy() {
        assertThat(limits.whyFull("c-9", new WaitingLimits.Waiting(0, 5))).hasValueSatisfying(why -> assertThat(why)
                .contains("5 requests of this partner wait"));
    }

    @Test
    void unsetLimitsTakeTheirDefaults() {
        WaitingLimits defaults = new WaitingLimits(0, 0, 0);
        assertThat(defaults.maxPerCustomer()).isEqualTo(1_000);
        assertThat(defaults.maxPerPartner()).isEqualTo(10_000);
        assertThat(defaults.pageSize()).isEqualTo(100);
    }
}
