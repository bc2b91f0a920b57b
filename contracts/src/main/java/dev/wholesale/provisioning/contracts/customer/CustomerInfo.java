package dev.wholesale.provisioning.contracts.customer;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The organisation's name and its full administrator; the language defaults to the template's. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerInfo(String name, String primaryEmail, String language) {
}
