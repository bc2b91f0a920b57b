package dev.wholesale.provisioning.worker.customer;

import java.time.ZoneId;
import java.util.Set;

/** A location's timezone must be a real IANA zone, which a schema pattern cannot know. */
public final class Timezones {

    /** Read once: getAvailableZoneIds() copies all 600 zone ids into a new set at every call. */
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private Timezones() {
    }

    public static boolean isKnown(String zone) {
        return zone != null && zone.contains("/") && ZONES.contains(zone) || "UTC".equals(zone);
    }
}
