package dev.wholesale.provisioning.contracts.catalogue;

/** Who authenticates a customer's users: the service itself, or the partner's SAML or OIDC IdP. */
public enum AuthenticationMethod {
    WEBEX,
    PARTNER_SAML,
    PARTNER_OIDC
}
