package dev.wholesale.provisioning.worker.support;

import java.util.Optional;
import java.util.UUID;

/** Ids that senders quote back to us: anything that is not one of our UUIDs simply matches nothing. */
public final class Ids {

    private Ids() {
    }

    public static Optional<UUID> parse(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
