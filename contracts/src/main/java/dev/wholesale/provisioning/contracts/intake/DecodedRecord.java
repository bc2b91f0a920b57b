package dev.wholesale.provisioning.contracts.intake;

import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;

import tools.jackson.databind.node.ObjectNode;

/** A consumed record after the first, cheap look: either a readable CloudEvent or a dead letter. */
public sealed interface DecodedRecord {

    RecordOrigin origin();

    /**
     * A readable CloudEvent, in structured form whatever mode it arrived in. Its identity is
     * readable; everything else is still unchecked.
     */
    record Event(RecordOrigin origin, RequestIdentity identity, ObjectNode event) implements DecodedRecord {
    }

    /**
     * A record that cannot be read. {@code identity} is null unless id, type and partnerid could
     * still be read, in which case the sender also gets a rejection.
     */
    record Unreadable(RecordOrigin origin, DeadLetterReason reason, String detail, RequestIdentity identity)
            implements DecodedRecord {
    }
}
