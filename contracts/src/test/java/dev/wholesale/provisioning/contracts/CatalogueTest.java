package dev.wholesale.provisioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;
import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;
import dev.wholesale.provisioning.contracts.catalogue.Topics;

/** The enums say exactly what catalogue v1 (shared/domain/MESSAGES.md) lists, no more, no less. */
class CatalogueTest {

    @Test
    void requestTypesAreTheCataloguesNine() {
        assertThat(Arrays.stream(RequestType.values()).map(RequestType::wire)).containsExactlyInAnyOrder(
                "provisioning.template.create.v1", "provisioning.template.update.v1", "provisioning.template.delete.v1",
                "provisioning.customer.create.v1", "provisioning.customer.update.v1", "provisioning.customer.delete.v1",
                "provisioning.users.add.v1", "provisioning.users.update.v1", "provisioning.users.remove.v1");
    }

    @Test
    void resultTypesAreTheCataloguesTen() {
        assertThat(Arrays.stream(ResultType.values()).map(ResultType::wire)).containsExactlyInAnyOrder(
                "provisioning.template.created.v1", "provisioning.template.updated.v1", "provisioning.template.deleted.v1",
                "provisioning.customer.provisioned.v1", "provisioning.customer.updated.v1",
                "provisioning.customer.deprovisioned.v1", "provisioning.users.provisioned.v1",
                "provisioning.users.updated.v1", "provisioning.users.removed.v1", "provisioning.request.rejected.v1");
    }

    @Test
    void errorCodesAreTheCataloguesStableStrings() {
        assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name)).containsExactlyInAnyOrder(
                "VALIDATION_FAILED", "UNSUPPORTED_TYPE", "IDEMPOTENCY_KEY_REUSED", "TEMPLATE_NAME_TAKEN",
                "TEMPLATE_NOT_FOUND", "TEMPLATE_IN_USE", "CUSTOMER_ALREADY_EXISTS", "CUSTOMER_NOT_FOUND",
                "LOCATION_NOT_CONFIRMED", "COUNTRY_NOT_SUPPORTED", "LOCATION_NAME_TAKEN", "LOCATION_NOT_FOUND",
                "EMAIL_ALREADY_IN_USE", "DUPLICATE_IN_REQUEST", "USER_NOT_FOUND", "PHONE_NUMBER_REQUIRED",
                "PHONE_NUMBER_INVALID", "PHONE_NUMBER_IN_USE", "EXTENSION_IN_USE", "PACKAGE_LIMIT_EXCEEDED",
                "PACKAGE_DOWNGRADE_NOT_ALLOWED", "ADMINISTRATOR_PROTECTED");
    }

    @Test
    void packagesUseTheirWireNamesInJson() {
        assertThat(Arrays.stream(ServicePackage.values()).map(ServicePackage::wire)).containsExactly(
                "webex_meetings", "webex_voice", "webex_calling", "webex_suite", "cx_essentials");
        assertThat(Examples.JSON.writeValueAsString(ServicePackage.CX_ESSENTIALS)).isEqualTo("\"cx_essentials\"");
        assertThat(Examples.JSON.readValue("\"webex_voice\"", ServicePackage.class)).isEqualTo(ServicePackage.WEBEX_VOICE);
    }

    @Test
    void topicsHaveTheCataloguesDefaultNamesAndDltSuffix() {
        assertThat(Topics.TEMPLATE_REQUESTS).isEqualTo("provisioning.template-requests.v1");
        assertThat(Topics.CUSTOMER_REQUESTS).isEqualTo("provisioning.customer-requests.v1");
        assertThat(Topics.USER_REQUESTS).isEqualTo("provisioning.user-requests.v1");
        assertThat(Topics.RESULTS).isEqualTo("provisioning.results.v1");
        assertThat(Topics.dltOf(Topics.USER_REQUESTS)).isEqualTo("provisioning.user-requests.v1-dlt");
    }

    @Test
    void everyRequestAndResultTypeHasAValidExample() {
        var exampleTypes = Examples.valid().stream().map(path -> Examples.read(path).path("type").asString()).toList();
        assertThat(exampleTypes).containsAll(Arrays.stream(RequestType.values()).map(RequestType::wire).toList());
        assertThat(exampleTypes).containsAll(Arrays.stream(ResultType.values()).map(ResultType::wire).toList());
    }
}
