package dev.wholesale.provisioning.worker.request;

import dev.wholesale.provisioning.worker.intake.DecodedRecord;
import dev.wholesale.provisioning.worker.intake.RequestIdentity;

/** A consumed record after decoding and validation, ready for the batch transaction. */
public sealed interface Intake {

    /** Null when the record does not say who sent it and what it is. */
    RequestIdentity identity();

    /** Dead-lettered; refused as well if its identity could be read. */
    record Unreadable(DecodedRecord.Unreadable record, byte[] contentHash) implements Intake {
        @Override
        public RequestIdentity identity() {
            return record.identity();
        }
    }

    record Checked(Validation validation, String recordKey) implements Intake {
        @Override
        public RequestIdentity identity() {
            return validation.identity();
        }
    }
}
