package dev.wholesale.provisioning.bench.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/**
 * The hostile-process suite as part of the test command: the real worker jar, two instances, their
 * own Kafka and PostgreSQL processes, records a careless or hostile sender can write and a relay
 * leader frozen for 90 s; another partner is answered within seconds throughout (within a minute
 * of the freeze), both instances keep running on their heap, and nothing is lost or doubled.
 */
class HostileSuiteIT {

    @Test
    void noRecordOfOneSenderStopsAnyoneElseAndAFrozenLeaderIsReplaced() throws Exception {
        HostileSuite.Outcome outcome = HostileSuite.run(Files.createTempDirectory("hostile-suite"));
        outcome.reconciliation().print(System.out);

        assertThat(outcome.scenarios()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.reconciliation().anomalies()).isEmpty();
        assertThat(outcome.reconciliation().counts().get("dead letters")).isGreaterThanOrEqualTo(3);
    }
}
