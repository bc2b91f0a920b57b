package dev.wholesale.provisioning.contracts.customer;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(String addressLine1, String addressLine2, String city, String stateOrProvince,
                      String zipOrPostalCode, String country) {
}
