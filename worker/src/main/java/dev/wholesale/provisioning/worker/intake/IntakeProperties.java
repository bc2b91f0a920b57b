package dev.wholesale.provisioning.worker.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import dev.wholesale.provisioning.contracts.intake.IntakeLimits;

/**
 * The intake limits as settings ({@code provisioning.intake.*}); unset ones take the contract's
 * defaults ({@link IntakeLimits#DEFAULTS}).
 *
 * @param maxRecordSize   the value, decompressed
 * @param maxKeySize      the record key
 * @param maxHeaders      how many headers
 * @param maxHeaderSize   header names and values together
 * @param maxNestingDepth JSON nesting
 * @param maxStringLength any JSON string, in characters
 */
@ConfigurationProperties("provisioning.intake")
public record IntakeProperties(DataSize maxRecordSize, DataSize maxKeySize, Integer maxHeaders, DataSize maxHeaderSize,
                               Integer maxNestingDepth, Integer maxStringLength) {

    public IntakeLimits limits() {
        IntakeLimits defaults = IntakeLimits.DEFAULTS;
        return new IntakeLimits(
                maxRecordSize == null ? defaults.maxValueBytes() : Math.toIntExact(maxRecordSize.toBytes()),
                maxKeySize == null ? defaults.maxKeyBytes() : Math.toIntExact(maxKeySize.toBytes()),
                maxHeaders == null ? defaults.maxHeaders() : maxHeaders,
                maxHeaderSize == null ? defaults.maxHeaderBytes() : Math.toIntExact(maxHeaderSize.toBytes()),
                maxNestingDepth == null ? defaults.maxNestingDepth() : maxNestingDepth,
                maxStringLength == null ? defaults.maxStringLength() : maxStringLength);
    }
}
