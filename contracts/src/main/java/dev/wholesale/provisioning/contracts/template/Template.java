package dev.wholesale.provisioning.contracts.template;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A template as results report it: its provisioning id and its settings, defaults applied. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Template(String provisioningId, String templateName, String country, String language,
                       String serviceProviderAdminEmail, String wholesaleSubscriptionId, Authentication authentication,
                       String pstnProvider, String brandName, boolean restrictAdminInviteEmails,
                       boolean disableWebexCalling) {
}
