package dev.wholesale.provisioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.wholesale.provisioning.contracts.catalogue.AuthenticationMethod;
import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;
import dev.wholesale.provisioning.contracts.result.Change;
import dev.wholesale.provisioning.contracts.result.CustomerChanges;
import dev.wholesale.provisioning.contracts.result.RequestRejected;
import dev.wholesale.provisioning.contracts.template.Authentication;
import dev.wholesale.provisioning.contracts.template.CreateTemplateRequest;

import tools.jackson.databind.JsonNode;

/** How the records look as JSON where the examples cannot show it: defaults, absent values, helpers. */
class RecordsAsJsonTest {

    @Test
    void absentSwitchesStayAbsentAndTheirDefaultsApplyInJava() {
        CreateTemplateRequest request = Examples.JSON.readValue("""
                {"templateName":"Nordic SMB","country":"DK","language":"da","serviceProviderAdminEmail":"p@acme.dk",
                 "wholesaleSubscriptionId":"sub-1","brandName":"Acme"}""", CreateTemplateRequest.class);

        assertThat(request.restrictsAdminInviteEmails()).isFalse();
        assertThat(request.disablesWebexCalling()).isFalse();
        assertThat(request.authentication()).isNull();
        JsonNode written = Examples.JSON.valueToTree(request);
        assertThat(written.propertyNames()).containsExactlyInAnyOrder("templateName", "country", "language",
                "serviceProviderAdminEmail", "wholesaleSubscriptionId", "brandName");
    }

    @Test
    void helperMethodsAreNotWrittenAsProperties() {
        CreateTemplateRequest request = new CreateTemplateRequest("Nordic SMB", "DK", "da", "p@acme.dk", "sub-1",
                new Authentication(null, null), null, "Acme", true, null);

        JsonNode written = Examples.JSON.valueToTree(request);

        assertThat(written.propertyNames()).doesNotContain("restrictsAdminInviteEmails", "disablesWebexCalling");
        assertThat(written.path("restrictAdminInviteEmails").asBoolean()).isTrue();
        assertThat(written.path("authentication").propertyNames()).isEmpty();
        assertThat(request.authentication().methodOrDefault()).isEqualTo(AuthenticationMethod.WEBEX);
    }

    @Test
    void aResultWithoutErrorsSaysSoWithAnEmptyList() {
        RequestRejected rejected = new RequestRejected("acme-req-1", "provisioning.users.add.v1", ResultStatus.REJECTED, null);

        assertThat(rejected.errors()).isEmpty();
        assertThat(Examples.JSON.valueToTree(rejected).path("errors").isArray()).isTrue();
    }

    @Test
    void limitsThatDidNotExistBeforeAreWrittenAsNull() {
        CustomerChanges changes = new CustomerChanges(null, new Change<>(null, Map.of(ServicePackage.WEBEX_CALLING, 10)), null);

        assertThat(Examples.JSON.writeValueAsString(changes))
                .isEqualTo("{\"packageLimits\":{\"before\":null,\"after\":{\"webex_calling\":10}}}");
    }
}
