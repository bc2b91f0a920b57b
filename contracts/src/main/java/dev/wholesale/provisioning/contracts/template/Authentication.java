package dev.wholesale.provisioning.contracts.template;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.wholesale.provisioning.contracts.catalogue.AuthenticationMethod;

/** How users sign in; {@code idpEntityId} names the partner's IdP for the two partner methods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Authentication(AuthenticationMethod method, String idpEntityId) {

    /** The method with its default applied: no method means the service's own identity. */
    public AuthenticationMethod methodOrDefault() {
        return method == null ? AuthenticationMethod.WEBEX : method;
    }
}
