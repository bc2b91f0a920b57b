package dev.wholesale.provisioning.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.wholesale.provisioning.bench.reconcile.ReconciliationReport;

/**
 * The fault suite as part of the test command: the real worker jar, its own Kafka and PostgreSQL
 * processes, thousands of mixed requests, kills, an outage, a broker restart, a rebalance; then
 * nothing may be lost, doubled, out of order or leaked.
 */
class FaultSuiteIT {

    @Test
    void nothingIsLostDoubledReorderedOrLeakedUnderFaults() throws Exception {
        Path directory = Files.createTempDirectory("fault-suite");
        ReconciliationReport report = FaultSuite.run(directory, FaultSuite.Settings.standard());

        assertThat(report.anomalies()).isEmpty();
        assertThat(report.counts().get("readable requests")).isGreaterThan(2000);
        assertThat(report.counts().get("result events")).isGreaterThan(2000);
        assertThat(report.counts().get("fault: worker killed (SIGKILL) and restarted")).isEqualTo(3);
        assertThat(report.counts()).containsKeys("fault: PostgreSQL stopped 5 s and started",
                "fault: Kafka broker killed and restarted", "fault: one of three instances killed (rebalance)");
    }
}
