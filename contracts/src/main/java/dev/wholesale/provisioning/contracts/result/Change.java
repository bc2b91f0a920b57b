package dev.wholesale.provisioning.contracts.result;

/** A value before and after a change. */
public record Change<T>(T before, T after) {
}
