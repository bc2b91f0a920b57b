package dev.wholesale.provisioning.contracts.customer;

/** {@code data} of {@code provisioning.customer.delete.v1}: deprovisions the customer and all its users. */
public record DeleteCustomerRequest(String externalId) {
}
