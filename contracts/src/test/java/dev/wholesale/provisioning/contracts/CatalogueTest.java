package dev.wholesale.provisioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.wholesale.provisioning.contracts.catalogue.AuthenticationMethod;
import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;
import dev.wholesale.provisioning.contracts.catalogue.ItemOutcome;
import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;
import dev.wholesale.provisioning.contracts.catalogue.Topics;

import tools.jackson.databind.JsonNode;

/**
 * The enums say exactly what catalogue v1 (shared/domain/MESSAGES.md) lists, no more, no less, and
 * the schemas list the same values as the enums.
 */
class CatalogueTest {

    private static final SchemaNode COMMON = SchemaNode.of("common.schema.json");

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
    void wireStringsLeadBackToTheirTypes() {
        assertThat(RequestType.fromWire("provisioning.users.add.v1")).contains(RequestType.USERS_ADD);
        assertThat(ResultType.fromWire("provisioning.request.rejected.v1")).contains(ResultType.REQUEST_REJECTED);
        assertThat(RequestType.fromWire("provisioning.users.provisioned.v1")).isEmpty();
        assertThat(RequestType.fromWire(null)).isEmpty();
    }

    @Test
    void packagesUseTheirWireNamesInJson() {
        assertThat(Arrays.stream(ServicePackage.values()).map(ServicePackage::wire)).containsExactly(
                "webex_meetings", "webex_voice", "webex_calling", "webex_suite", "cx_essentials");
        assertThat(Examples.JSON.writeValueAsString(ServicePackage.CX_ESSENTIALS)).isEqualTo("\"cx_essentials\"");
        assertThat(Examples.JSON.readValue("\"webex_voice\"", ServicePackage.class)).isEqualTo(ServicePackage.WEBEX_VOICE);
        assertThat(Examples.JSON.writeValueAsString(Map.of(ServicePackage.WEBEX_SUITE, 3))).isEqualTo("{\"webex_suite\":3}");
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

    // --- the schemas list what the enums list ---------------------------------------------------

    @Test
    void schemaEnumsAreTheJavaEnums() {
        assertThat(enumOf(COMMON, "errorCode")).containsExactlyInAnyOrderElementsOf(names(ErrorCode.values()));
        assertThat(enumOf(COMMON, "status")).containsExactlyInAnyOrderElementsOf(names(ResultStatus.values()));
        assertThat(enumOf(COMMON, "itemOutcome")).containsExactlyInAnyOrderElementsOf(names(ItemOutcome.values()));
        assertThat(values(definition("authentication").properties().get("method").node()))
                .containsExactlyInAnyOrderElementsOf(names(AuthenticationMethod.values()));
        assertThat(enumOf(COMMON, "package"))
                .containsExactlyInAnyOrderElementsOf(Stream.of(ServicePackage.values()).map(ServicePackage::wire).toList());
        assertThat(enumOf(COMMON, "requestType"))
                .containsExactlyInAnyOrderElementsOf(Stream.of(RequestType.values()).map(RequestType::wire).toList());
    }

    @Test
    void countriesAreEveryIso3166Alpha2Code() {
        assertThat(enumOf(COMMON, "country")).containsExactlyInAnyOrder(Locale.getISOCountries());
    }

    @Test
    void theRequestEnvelopeChecksDataWithTheSchemaOfEachRequestType() {
        Map<String, String> expected = new TreeMap<>();
        Stream.of(RequestType.values()).forEach(type -> expected.put(type.wire(), type.schemaFile()));
        SchemaNode envelope = SchemaNode.of("request-envelope.schema.json");

        assertThat(dataSchemaByType(envelope)).isEqualTo(expected);
        assertThat(values(envelope.properties().get("type").node())).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    @Test
    void theResultEnvelopeChecksDataWithTheSchemaOfEachResultType() {
        Map<String, String> expected = new TreeMap<>();
        Stream.of(ResultType.values()).forEach(type -> expected.put(type.wire(), type.schemaFile()));
        SchemaNode envelope = SchemaNode.of("result-envelope.schema.json");

        assertThat(dataSchemaByType(envelope)).isEqualTo(expected);
        assertThat(values(envelope.properties().get("type").node())).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    /** The envelopes' allOf: if type is X then data is described by file Y. */
    private static Map<String, String> dataSchemaByType(SchemaNode envelope) {
        Map<String, String> schemaByType = new TreeMap<>();
        for (JsonNode rule : envelope.node().path("allOf")) {
            schemaByType.put(rule.at("/if/properties/type/const").asString(),
                    rule.at("/then/properties/data/$ref").asString());
        }
        return schemaByType;
    }

    private static SchemaNode definition(String name) {
        return new SchemaNode(COMMON.file(), COMMON.node().path("$defs").path(name));
    }

    private static List<String> enumOf(SchemaNode common, String definition) {
        return values(common.node().path("$defs").path(definition));
    }

    private static List<String> values(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<String> names(Enum<?>[] constants) {
        return Stream.of(constants).map(Enum::name).toList();
    }
}
