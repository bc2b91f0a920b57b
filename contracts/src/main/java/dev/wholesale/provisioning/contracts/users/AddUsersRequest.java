package dev.wholesale.provisioning.contracts.users;

import java.util.List;

import dev.wholesale.provisioning.contracts.customer.Location;

/** {@code data} of {@code provisioning.users.add.v1}: the "set up customer" step. */
public record AddUsersRequest(String customerExternalId, List<Location> locations, List<NewUser> users) {
}
