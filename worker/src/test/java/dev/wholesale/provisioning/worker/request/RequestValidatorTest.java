package dev.wholesale.provisioning.worker.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;
import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.validation.SchemaValidator;
import dev.wholesale.provisioning.contracts.intake.DecodedRecord;
import dev.wholesale.provisioning.contracts.intake.IntakeLimits;
import dev.wholesale.provisioning.contracts.intake.RecordDecoder;
import dev.wholesale.provisioning.contracts.intake.RecordOrigin;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A readable CloudEvent checked against the published schemas: one VALIDATION_FAILED per broken
 * field, pointing into data; users requests refuse single items, not the whole request.
 */
class RequestValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RequestValidator VALIDATOR = new RequestValidator(SchemaValidator.forRequests());
    private static final RecordDecoder DECODER = new RecordDecoder(IntakeLimits.DEFAULTS);

    private static final String CUSTOMER_CREATE = """
            {"specversion":"1.0","id":"r-101","source":"urn:acme:ordering","type":"provisioning.customer.create.v1",
             "partnerid":"partner-acme","datacontenttype":"application/json",
             "data":{
               "externalId":"cust-1001",
               "provisioningId":"0196f6a2-5c1e-7a3b-9c4d-2e8f1a6b7c90",
               "customerInfo":{"name":"Fjord Bakery ApS","primaryEmail":"it@fjord-bakery.dk","language":"da_DK"},
               "package":"webex_calling",
               "packageLimits":{"webex_calling":50},
               "headquarters":{"name":"Copenhagen HQ",
                 "address":{"addressLine1":"Strandgade 27","city":"Copenhagen","zipOrPostalCode":"1401","country":"DK"},
                 "timezone":"Europe/Copenhagen"},
               "webexSupportedLocationConfirmed":true}}""";

    private static final String USERS_ADD = """
            {"specversion":"1.0","id":"r-201","source":"urn:acme:ordering","type":"provisioning.users.add.v1",
             "partnerid":"partner-acme",
             "data":{
               "customerExternalId":"cust-1001",
               "users":[
                 {"email":"anna@fjord-bakery.dk","firstName":"Anna","lastName":"Hansen","package":"webex_calling",
                  "location":"Copenhagen HQ","primaryPhoneNumber":"+4532123456"},
                 {"email":"bo@fjord-bakery.dk","firstName":"Bo","lastName":"Nielsen","package":"webex_meetings",
                  "location":"Copenhagen HQ"}]}}""";

    private static final String TEMPLATE_CREATE = """
            {"specversion":"1.0","id":"r-001","source":"urn:acme:ordering","type":"provisioning.template.create.v1",
             "partnerid":"partner-acme",
             "data":{
               "templateName":"Nordic Enterprise SAML","country":"DK","language":"da_DK",
               "serviceProviderAdminEmail":"provisioning@acme-telecom.dk","wholesaleSubscriptionId":"sub-7781",
               "authentication":{"method":"PARTNER_SAML","idpEntityId":"https://idp.acme-telecom.dk/saml/metadata"},
               "brandName":"Acme Cloud Office"}}""";

    // --- whole requests -------------------------------------------------------------------------

    @Test
    void aCompleteCustomerCreateIsValid() {
        Validation validation = validate(CUSTOMER_CREATE, event -> { });

        assertThat(validation).isInstanceOfSatisfying(Validation.Valid.class, valid -> {
            assertThat(valid.request().type()).isEqualTo(RequestType.CUSTOMER_CREATE);
            assertThat(valid.request().customerExternalId()).isEqualTo("cust-1001");
            assertThat(valid.request().itemErrors()).isEqualTo(ItemErrors.NONE);
        });
    }

    @Test
    void eachMissingDataFieldIsOneValidationErrorPointingAtThatField() {
        Validation validation = validate(CUSTOMER_CREATE, event -> {
            data(event).withObject("customerInfo").remove("primaryEmail");
            data(event).withObject("headquarters").remove("timezone");
            data(event).remove("package");
        });

        assertThat(errorsOf(validation))
                .allSatisfy(error -> assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION_FAILED))
                .extracting(ResultError::pointer)
                .containsExactlyInAnyOrder("/customerInfo/primaryEmail", "/headquarters/timezone", "/package");
    }

    @Test
    void aRefusedCustomerRequestStillNamesItsCustomerAsSubject() {
        Validation validation = validate(CUSTOMER_CREATE, event -> data(event).remove("package"));

        assertThat(validation).isInstanceOfSatisfying(Validation.Invalid.class,
                invalid -> assertThat(invalid.subject()).isEqualTo("cust-1001"));
    }

    @Test
    void aTypeOutsideTheCatalogueIsAnUnsupportedType() {
        Validation validation = validate(CUSTOMER_CREATE, event -> event.put("type", "provisioning.customer.rename.v1"));

        assertThat(errorsOf(validation)).singleElement()
                .satisfies(error -> assertThat(error.code()).isEqualTo(ErrorCode.UNSUPPORTED_TYPE));
    }

    @Test
    void aNulCharacterInTheCustomerNameIsAValidationErrorAtItsPointer() {
        Validation validation = validate(CUSTOMER_CREATE,
                event -> data(event).withObject("customerInfo").put("name", "Fjord\u0000Bakery"));

        assertThat(errorsOf(validation)).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(error.pointer()).isEqualTo("/customerInfo/name");
        });
    }

    /** Numbers whose exact value takes a double, a long or a billion digits to hold: an error each, quickly. */
    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1e999999999", "1e-999999999", "10000000000000000000000.5", "99999999999999999999",
            "9223372036854775808", "-9223372036854775809", "50.5", "1e7"})
    void aPackageLimitOutOfRangeIsAValidationErrorNotACrash(String number) {
        String json = CUSTOMER_CREATE.replace("\"webex_calling\":50", "\"webex_calling\":" + number);

        Validation validation = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> VALIDATOR.validate(decode(json)));

        assertThat(errorsOf(validation)).extracting(ResultError::pointer).containsExactly("/packageLimits/webex_calling");
    }

    // --- users requests: item errors ------------------------------------------------------------

    @Test
    void aUsersAddWithOneBadEmailIsValidWithTheErrorKeptForThatUser() {
        Validation validation = validate(USERS_ADD, event -> user(event, 1).put("email", "bo-at-fjord-bakery.dk"));

        assertThat(validation).isInstanceOfSatisfying(Validation.Valid.class, valid -> {
            ItemErrors items = valid.request().itemErrors();
            assertThat(items.of("/users", 1)).singleElement().satisfies(error -> {
                assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                assertThat(error.pointer()).isEqualTo("/users/1/email");
            });
            assertThat(items.of("/users", 0)).isEmpty();
        });
    }

    @Test
    void aNulCharacterInAUsersNameRefusesOnlyThatUser() {
        Validation validation = validate(USERS_ADD, event -> user(event, 0).put("firstName", "An\u0000na"));

        assertThat(validation).isInstanceOfSatisfying(Validation.Valid.class, valid ->
                assertThat(valid.request().itemErrors().of("/users", 0)).extracting(ResultError::pointer)
                        .containsExactly("/users/0/firstName"));
    }

    /** Unknown properties are allowed, but not under a name with a control character or half a surrogate pair. */
    @ParameterizedTest
    @ValueSource(strings = {"cost\u0000centre", "\u001b[31m"})
    void anUnknownPropertyWithAnUnsafeNameRefusesOnlyItsUser(String name) {
        Validation validation = validate(USERS_ADD, event -> user(event, 1).put(name, "4711"));

        assertThat(validation).isInstanceOfSatisfying(Validation.Valid.class, valid -> {
            assertThat(valid.request().itemErrors().of("/users", 1)).singleElement().satisfies(error -> {
                assertThat(error.pointer()).isEqualTo("/users/1/" + name);
                assertThat(error.message()).startsWith("a property name must");
            });
            assertThat(valid.request().itemErrors().of("/users", 0)).isEmpty();
        });
    }

    @Test
    void aUsersAddWithoutCustomerExternalIdIsRefusedAsAWhole() {
        Validation validation = validate(USERS_ADD, event -> {
            data(event).remove("customerExternalId");
            user(event, 1).put("email", "bo-at-fjord-bakery.dk");
        });

        assertThat(errorsOf(validation)).extracting(ResultError::pointer).containsExactly("/customerExternalId");
    }

    // --- templates ------------------------------------------------------------------------------

    @Test
    void aCompleteSamlTemplateIsValid() {
        assertThat(validate(TEMPLATE_CREATE, event -> { })).isInstanceOf(Validation.Valid.class);
    }

    @Test
    void aSamlTemplateWithoutIdpEntityIdIsRefusedAtTheMissingField() {
        Validation validation = validate(TEMPLATE_CREATE,
                event -> data(event).withObject("authentication").remove("idpEntityId"));

        assertThat(errorsOf(validation)).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(error.pointer()).isEqualTo("/authentication/idpEntityId");
        });
    }

    @Test
    void anOidcTemplateWithoutIdpEntityIdIsRefusedAtTheMissingField() {
        Validation validation = validate(TEMPLATE_CREATE, event -> {
            ObjectNode authentication = data(event).withObject("authentication");
            authentication.put("method", "PARTNER_OIDC");
            authentication.remove("idpEntityId");
        });

        assertThat(errorsOf(validation)).extracting(ResultError::pointer).containsExactly("/authentication/idpEntityId");
    }

    @Test
    void aWebexTemplateWithAnIdpEntityIdIsRefused() {
        Validation validation = validate(TEMPLATE_CREATE,
                event -> data(event).withObject("authentication").put("method", "WEBEX"));

        // contracts/examples/invalid/expected-errors.json: template-create-webex-with-idp -> "/authentication"
        assertThat(errorsOf(validation)).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(error.pointer()).isEqualTo("/authentication");
        });
    }

    // --- helpers --------------------------------------------------------------------------------

    private static Validation validate(String json, Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) JSON.readTree(json);
        change.accept(event);
        return VALIDATOR.validate(decode(JSON.writeValueAsString(event)));
    }

    private static DecodedRecord.Event decode(String json) {
        DecodedRecord decoded = DECODER.decode(RecordOrigin.of("provisioning.customer-requests.v1", 0, 1,
                "partner-acme/cust-1001", List.of(new RecordOrigin.Header("content-type",
                        "application/cloudevents+json".getBytes(StandardCharsets.UTF_8))),
                json.getBytes(StandardCharsets.UTF_8)));
        assertThat(decoded).isInstanceOf(DecodedRecord.Event.class);
        return (DecodedRecord.Event) decoded;
    }

    private static List<ResultError> errorsOf(Validation validation) {
        assertThat(validation).isInstanceOf(Validation.Invalid.class);
        return ((Validation.Invalid) validation).errors();
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    private static ObjectNode user(ObjectNode event, int index) {
        return (ObjectNode) ((ArrayNode) data(event).get("users")).get(index);
    }
}
