package dev.wholesale.provisioning.contracts.catalogue;

/** How a request ended, as every result says. */
public enum ResultStatus {
    SUCCEEDED,
    PARTIALLY_SUCCEEDED,
    REJECTED
}
