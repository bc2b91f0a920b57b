package dev.wholesale.provisioning.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.wholesale.provisioning.contracts.intake.IntakeLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.listener.ContainerProperties;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** How often the request consumers commit their offsets, as an operator sets it. */
class OffsetCommitsTest {

    @Test
    void offsetsAreCommittedEverySecondUnlessConfiguredOtherwise() {
        ContainerProperties container = containerWith(null);

        assertThat(container.getAckMode()).isEqualTo(ContainerProperties.AckMode.TIME);
        assertThat(container.getAckTime()).isEqualTo(1000);
    }

    @Test
    void anIntervalOfZeroCommitsAfterEveryBatch() {
        assertThat(containerWith(Duration.ZERO).getAckMode()).isEqualTo(ContainerProperties.AckMode.BATCH);
    }

    @Test
    void anotherIntervalIsTakenAsGiven() {
        ContainerProperties container = containerWith(Duration.ofMillis(250));

        assertThat(container.getAckMode()).isEqualTo(ContainerProperties.AckMode.TIME);
        assertThat(container.getAckTime()).isEqualTo(250);
    }

    private static ContainerProperties containerWith(Duration offsetCommitInterval) {
        ListenerProperties settings = new ListenerProperties(0, 0, null, null, offsetCommitInterval, null);
        return new KafkaConfiguration().requestContainerFactory(new KafkaProperties(), settings, IntakeLimits.DEFAULTS,
                        new SimpleMeterRegistry())
                .getContainerProperties();
    }
}
