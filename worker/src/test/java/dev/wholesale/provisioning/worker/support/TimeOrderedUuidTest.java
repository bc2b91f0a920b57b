package dev.wholesale.provisioning.worker.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Ids are UUID version 7 (RFC 9562): time-ordered by their millisecond timestamp, unique. */
class TimeOrderedUuidTest {

    @Test
    void anIdIsVersionSevenOfTheRfcVariant() {
        UUID id = TimeOrderedUuid.next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void anIdCarriesItsClocksMillisecondsInTheFirst48Bits() {
        long millis = Instant.parse("2026-11-24T09:00:00.123Z").toEpochMilli();

        UUID id = TimeOrderedUuid.next(at(millis));

        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void anIdFromALaterMillisecondIsLargerComparedAsUnsignedBytes() {
        long millis = Instant.parse("2026-11-24T09:00:00Z").toEpochMilli();
        for (int i = 0; i < 1000; i++) {
            UUID earlier = TimeOrderedUuid.next(at(millis));
            UUID later = TimeOrderedUuid.next(at(millis + 1));

            assertThat(Long.compareUnsigned(later.getMostSignificantBits(), earlier.getMostSignificantBits()))
                    .isPositive();
        }
    }

    @Test
    void orderHoldsAcrossTheTopBitOfTheTimestamp() {
        long topBit = 1L << 47; // the year 6429: the most significant bits turn negative as a signed long
        UUID earlier = TimeOrderedUuid.next(at(topBit - 1));
        UUID later = TimeOrderedUuid.next(at(topBit));

        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), earlier.getMostSignificantBits())).isPositive();
    }

    @Test
    void tenThousandIdsAreAllDifferent() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedUuid.next());
        }

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void tenThousandIdsFromOneFrozenMillisecondAreAllDifferent() {
        Clock frozen = at(Instant.parse("2026-11-24T09:00:00Z").toEpochMilli());
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedUuid.next(frozen));
        }

        assertThat(ids).hasSize(10_000);
    }

    private static Clock at(long millis) {
        return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
