package dev.wholesale.provisioning.worker.customer;

import java.time.ZoneId;

/** A location's timezone must be a real IANA zone, which a schema pattern cannot know. */
public final class Timezones {

    private Timezones() {
    }

    public static boolean isKnown(String zone) {
        return zone != null && zone.contains("/") && ZoneId.getAvailableZoneIds().contains(zone)
                || "UTC".equals(zone);
    }
}
