package dev.wholesale.provisioning.worker.outbox;

import java.util.Optional;

/**
 * The smaller form of a record that Kafka will not take (too large for its topic, or refused for
 * another reason that will not go away), published in its place so that the outbox moves on. The
 * outbox only moves bytes; what a result or dead letter may lose is decided by those who build them.
 */
@FunctionalInterface
public interface SmallerForm {

    /** A smaller record for the same topic, or empty when there is none smaller. */
    Optional<OutboxRecord> of(OutboxRecord refused);
}
