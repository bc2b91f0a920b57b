package dev.wholesale.provisioning.contracts.template;

/** {@code data} of {@code provisioning.template.delete.v1}. */
public record DeleteTemplateRequest(String provisioningId) {
}
