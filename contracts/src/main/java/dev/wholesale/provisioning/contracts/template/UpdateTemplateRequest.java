package dev.wholesale.provisioning.contracts.template;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code data} of {@code provisioning.template.update.v1}: the template's full new settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateTemplateRequest(String provisioningId, String templateName, String country, String language,
                                    String serviceProviderAdminEmail, String wholesaleSubscriptionId,
                                    Authentication authentication, String pstnProvider, String brandName,
                                    Boolean restrictAdminInviteEmails, Boolean disableWebexCalling) {

    /** The setting with its default (off) applied. */
    public boolean restrictsAdminInviteEmails() {
        return Boolean.TRUE.equals(restrictAdminInviteEmails);
    }

    /** The setting with its default (off) applied. */
    public boolean disablesWebexCalling() {
        return Boolean.TRUE.equals(disableWebexCalling);
    }
}
