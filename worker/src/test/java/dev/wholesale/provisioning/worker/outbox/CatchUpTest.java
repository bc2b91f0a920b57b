package dev.wholesale.provisioning.worker.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a starting relay makes of the watermark the database recorded and the highest seq Kafka holds. */
class CatchUpTest {

    @Test
    void aFreshDeploymentWithNothingPublishedIsInStep() {
        assertThat(CatchUp.decide(0, -1, false)).isEqualTo(CatchUp.IN_STEP);
    }

    @Test
    void kafkaHoldingWhatWasRecordedIsInStep() {
        assertThat(CatchUp.decide(42, 42, false)).isEqualTo(CatchUp.IN_STEP);
    }

    @Test
    void rowsPublishedButNotRecordedMoveTheWatermarkUp() {
        assertThat(CatchUp.decide(40, 42, true)).isEqualTo(CatchUp.MOVE_UP);
    }

    @Test
    void aRecordInKafkaThatIsNotThisDatabasesRowStopsTheRelay() {
        assertThat(CatchUp.decide(40, 42, false)).isEqualTo(CatchUp.DIVERGED);
    }

    @Test
    void kafkaHoldingLessOrNothingOfWhatWasPublishedIsBehind() {
        assertThat(CatchUp.decide(42, 40, false)).isEqualTo(CatchUp.KAFKA_BEHIND);
        assertThat(CatchUp.decide(42, -1, false)).isEqualTo(CatchUp.KAFKA_BEHIND);
    }
}
