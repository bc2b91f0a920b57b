package dev.wholesale.provisioning.contracts.users;

import java.util.List;

/** {@code data} of {@code provisioning.users.update.v1}. */
public record UpdateUsersRequest(String customerExternalId, List<UserChange> users) {
}
