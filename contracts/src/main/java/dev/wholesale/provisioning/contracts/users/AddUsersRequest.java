package dev.wholesale.provisioning.contracts.users;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.wholesale.provisioning.contracts.customer.Location;

/** {@code data} of {@code provisioning.users.add.v1}: the "set up customer" step; both lists are optional. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AddUsersRequest(String customerExternalId, List<Location> locations, List<NewUser> users) {
}
