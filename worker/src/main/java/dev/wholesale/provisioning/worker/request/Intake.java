package dev.wholesale.provisioning.worker.request;

import dev.wholesale.provisioning.contracts.intake.DecodedRecord;
import dev.wholesale.provisioning.contracts.intake.RecordOrigin;
import dev.wholesale.provisioning.contracts.intake.RequestIdentity;

/** A consumed record after decoding and validation, ready for the batch transaction. */
public sealed interface Intake {

    /** Null when the record does not say who sent it and what it is. */
    RequestIdentity identity();

    /** The record as consumed. */
    RecordOrigin origin();

    /** Dead-lettered; refused as well if its identity could be read. */
    record Unreadable(DecodedRecord.Unreadable record, byte[] contentHash) implements Intake {
        @Override
        public RequestIdentity identity() {
            return record.identity();
        }

        @Override
        public RecordOrigin origin() {
            return record.origin();
        }
    }

    record Checked(RecordOrigin origin, Validation validation) implements Intake {
        @Override
        public RequestIdentity identity() {
            return validation.identity();
        }
    }
}
