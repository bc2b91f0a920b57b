package dev.wholesale.provisioning.contracts.users;

import java.util.List;

/** {@code data} of {@code provisioning.users.remove.v1}. */
public record RemoveUsersRequest(String customerExternalId, List<String> emails) {
}
