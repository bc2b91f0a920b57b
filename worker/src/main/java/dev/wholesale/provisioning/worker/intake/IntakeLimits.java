package dev.wholesale.provisioning.worker.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits enforced on every record before any work is done on it, so that a hostile record costs
 * bounded memory and time. The schema's own, tighter limits apply afterwards.
 *
 * @param maxRecordSize  larger values are dead-lettered unread
 * @param maxNestingDepth deeper JSON is dead-lettered (the deepest valid request nests 5 levels)
 * @param maxStringLength longer JSON strings are dead-lettered (the longest valid one is 1024)
 */
@ConfigurationProperties("provisioning.intake")
public record IntakeLimits(DataSize maxRecordSize, int maxNestingDepth, int maxStringLength) {

    public IntakeLimits {
        if (maxRecordSize == null) {
            maxRecordSize = DataSize.ofMegabytes(1);
        }
        if (maxNestingDepth <= 0) {
            maxNestingDepth = 16;
        }
        if (maxStringLength <= 0) {
            maxStringLength = 16_384;
        }
    }

    public static IntakeLimits defaults() {
        return new IntakeLimits(null, 0, 0);
    }
}
