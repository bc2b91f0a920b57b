package dev.wholesale.provisioning.contracts.catalogue;

/** How one location or user of a users request ended. */
public enum ItemOutcome {
    SUCCEEDED,
    REJECTED
}
