package dev.wholesale.provisioning.contracts.catalogue;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The packages a customer or user can have; JSON uses the lower-case wire names. */
public enum ServicePackage {
    WEBEX_MEETINGS("webex_meetings"),
    WEBEX_VOICE("webex_voice"),
    WEBEX_CALLING("webex_calling"),
    WEBEX_SUITE("webex_suite"),
    CX_ESSENTIALS("cx_essentials");

    private final String wire;

    ServicePackage(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ServicePackage fromWire(String wire) {
        return Arrays.stream(values()).filter(value -> value.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a package: " + wire));
    }

    @Override
    public String toString() {
        return wire;
    }
}
