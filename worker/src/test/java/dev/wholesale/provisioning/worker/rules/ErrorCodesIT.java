package dev.wholesale.provisioning.worker.rules;

import static dev.wholesale.provisioning.worker.Requests.addUsers;
import static dev.wholesale.provisioning.worker.Requests.customer;
import static dev.wholesale.provisioning.worker.Requests.location;
import static dev.wholesale.provisioning.worker.Requests.template;
import static dev.wholesale.provisioning.worker.Requests.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Every error code of the catalogue, each produced by a real request through the topics and
 * checked the way an ordering system would: result type, code and pointer.
 */
class ErrorCodesIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-errors";

    @Test
    void unsupportedType() {
        JsonNode result = send(customers(), "provisioning.customer.rename.v1", Map.of("externalId", "x"));
        assertRejected(result, "UNSUPPORTED_TYPE", null);
    }

    @Test
    void validationFailedOncePerBrokenField() {
        Map<String, Object> broken = customer("vf-1", UUID.randomUUID().toString(), "not-an-email");
        broken.remove("package");
        broken.put("externalId", "x".repeat(65));
        JsonNode result = send(customers(), "provisioning.customer.create.v1", broken);
        assertThat(result.path("type").asString()).isEqualTo("provisioning.request.rejected.v1");
        assertThat(pointers(result.path("data").path("errors")))
                .containsExactlyInAnyOrder("/package", "/externalId", "/customerInfo/primaryEmail");
        assertThat(codes(result.path("data").path("errors"))).containsOnly("VALIDATION_FAILED");
    }

    @Test
    void templateNameTakenTemplateNotFoundAndTemplateInUse() {
        String provisioningId = createTemplate("In use");
        assertRejected(send(templates(), "provisioning.template.create.v1", template("In use")),
                "TEMPLATE_NAME_TAKEN", "/templateName");
        assertRejected(send(customers(), "provisioning.customer.create.v1",
                customer("tnf-1", UUID.randomUUID().toString(), "a@tnf.dk")), "TEMPLATE_NOT_FOUND", "/provisioningId");
        createCustomer("inuse-1", provisioningId, "admin@inuse.dk");
        assertRejected(send(templates(), "provisioning.template.delete.v1", Map.of("provisioningId", provisioningId)),
                "TEMPLATE_IN_USE", "/provisioningId");
    }

    @Test
    void customerAlreadyExistsLocationNotConfirmedAndCountryNotSupported() {
        String provisioningId = createTemplate("Customers");
        createCustomer("dup-1", provisioningId, "admin@dup.dk");
        assertRejected(send(customers(), "provisioning.customer.create.v1",
                customer("dup-1", provisioningId, "other@dup.dk")), "CUSTOMER_ALREADY_EXISTS", "/externalId");

        Map<String, Object> unconfirmed = customer("unconfirmed-1", provisioningId, "a@unconfirmed.dk");
        unconfirmed.put("webexSupportedLocationConfirmed", false);
        assertRejected(send(customers(), "provisioning.customer.create.v1", unconfirmed),
                "LOCATION_NOT_CONFIRMED", "/webexSupportedLocationConfirmed");

        Map<String, Object> brazil = customer("brazil-1", provisioningId, "a@brazil.br");
        brazil.put("headquarters", location("São Paulo HQ", "BR"));
        assertRejected(send(customers(), "provisioning.customer.create.v1", brazil),
                "COUNTRY_NOT_SUPPORTED", "/headquarters/address/country");
    }

    @Test
    void customerNotFoundAfterTheWait() {
        JsonNode result = send(users(), "provisioning.users.add.v1",
                addUsers("never-1", List.of(), List.of(user("x@never.dk", "webex_meetings", "Copenhagen HQ", null, null))));
        assertRejected(result, "CUSTOMER_NOT_FOUND", null);
    }

    @Test
    void locationAndUserRulesRefuseSingleItems() {
        String provisioningId = createTemplate("Items");
        createCustomer("items-1", provisioningId, "admin@items.dk");
        JsonNode first = send(users(), "provisioning.users.add.v1", addUsers("items-1",
                List.of(location("Copenhagen HQ", "DK"), location("Odense", "DK")),
                List.of(
                        user("admin@items.dk", "webex_meetings", "Odense", null, null),
                        user("twice@items.dk", "webex_meetings", "Odense", null, null),
                        user("twice@items.dk", "webex_meetings", "Odense", null, null),
                        user("lost@items.dk", "webex_meetings", "Nowhere", null, null),
                        user("mute@items.dk", "webex_calling", "Odense", null, null),
                        user("phone@items.dk", "webex_calling", "Odense", "+4566123456", "200"))));
        JsonNode data = first.path("data");
        assertThat(data.path("status").asString()).isEqualTo("PARTIALLY_SUCCEEDED");
        assertThat(data.path("locations").get(0).path("errors").get(0).path("code").asString())
                .isEqualTo("LOCATION_NAME_TAKEN");
        assertThat(data.path("locations").get(1).path("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(userError(data, 0)).isEqualTo("EMAIL_ALREADY_IN_USE@/users/0/email");
        assertThat(data.path("users").get(1).path("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(userError(data, 2)).isEqualTo("DUPLICATE_IN_REQUEST@/users/2/email");
        assertThat(userError(data, 3)).isEqualTo("LOCATION_NOT_FOUND@/users/3/location");
        assertThat(userError(data, 4)).isEqualTo("PHONE_NUMBER_REQUIRED@/users/4/primaryPhoneNumber");
        assertThat(data.path("users").get(5).path("outcome").asString()).isEqualTo("SUCCEEDED");

        JsonNode second = send(users(), "provisioning.users.add.v1", addUsers("items-1", List.of(), List.of(
                user("samephone@items.dk", "webex_calling", "Odense", "+4566123456", null),
                user("sameext@items.dk", "webex_calling", "Odense", null, "200"),
                user("swede@items.dk", "webex_calling", "Odense", "+46812345678", null))));
        assertThat(second.path("data").path("status").asString()).isEqualTo("REJECTED");
        assertThat(userError(second.path("data"), 0)).isEqualTo("PHONE_NUMBER_IN_USE@/users/0/primaryPhoneNumber");
        assertThat(userError(second.path("data"), 1)).isEqualTo("EXTENSION_IN_USE@/users/1/extension");
        assertThat(userError(second.path("data"), 2)).isEqualTo("PHONE_NUMBER_INVALID@/users/2/primaryPhoneNumber");

        JsonNode removal = send(users(), "provisioning.users.remove.v1", Map.of("customerExternalId", "items-1",
                "emails", List.of("ghost@items.dk", "admin@items.dk")));
        assertThat(removal.path("type").asString()).isEqualTo("provisioning.users.removed.v1");
        assertThat(userError(removal.path("data"), 0)).isEqualTo("USER_NOT_FOUND@/emails/0");
        assertThat(userError(removal.path("data"), 1)).isEqualTo("ADMINISTRATOR_PROTECTED@/emails/1");
    }

    @Test
    void packageLimitsAndDowngradesAreRefused() {
        String provisioningId = createTemplate("Packages");
        Map<String, Object> limited = customer("limits-1", provisioningId, "admin@limits.dk");
        limited.put("packageLimits", Map.of("webex_meetings", 1));
        createCustomer(limited);
        JsonNode added = send(users(), "provisioning.users.add.v1", addUsers("limits-1", List.of(), List.of(
                user("one@limits.dk", "webex_meetings", "Copenhagen HQ", null, null),
                user("two@limits.dk", "webex_meetings", "Copenhagen HQ", null, null))));
        assertThat(added.path("data").path("users").get(0).path("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(userError(added.path("data"), 1)).isEqualTo("PACKAGE_LIMIT_EXCEEDED@/users/1/package");

        assertRejected(send(customers(), "provisioning.customer.update.v1",
                Map.of("externalId", "limits-1", "package", "webex_voice")), "PACKAGE_DOWNGRADE_NOT_ALLOWED", "/package");

        JsonNode adminChange = send(users(), "provisioning.users.update.v1", Map.of("customerExternalId", "limits-1",
                "users", List.of(Map.of("email", "admin@limits.dk", "package", "webex_suite"))));
        assertThat(userError(adminChange.path("data"), 0)).isEqualTo("ADMINISTRATOR_PROTECTED@/users/0/package");
    }

    private String createTemplate(String name) {
        JsonNode created = send(templates(), "provisioning.template.create.v1", template(name));
        assertThat(created.path("type").asString()).isEqualTo("provisioning.template.created.v1");
        return created.path("data").path("template").path("provisioningId").asString();
    }

    private void createCustomer(String externalId, String provisioningId, String adminEmail) {
        createCustomer(customer(externalId, provisioningId, adminEmail));
    }

    private void createCustomer(Map<String, Object> customer) {
        JsonNode provisioned = send(customers(), "provisioning.customer.create.v1", customer);
        assertThat(provisioned.path("type").asString()).isEqualTo("provisioning.customer.provisioned.v1");
    }

    private JsonNode send(String topic, String type, Map<String, Object> data) {
        String requestId = "err-" + UUID.randomUUID();
        Object subject = data.getOrDefault("externalId", data.getOrDefault("customerExternalId", "template"));
        client.send(topic, PARTNER + "/" + subject, RequestTopicsClient.event(type, PARTNER, requestId, data));
        return client.awaitResult(requestId);
    }

    private static void assertRejected(JsonNode result, String code, String pointer) {
        assertThat(result.path("type").asString()).isEqualTo("provisioning.request.rejected.v1");
        assertThat(result.path("data").path("status").asString()).isEqualTo("REJECTED");
        JsonNode error = result.path("data").path("errors").get(0);
        assertThat(error.path("code").asString()).isEqualTo(code);
        assertThat(error.path("pointer").asString(null)).isEqualTo(pointer);
        assertThat(error.path("message").asString()).isNotBlank();
    }

    private static String userError(JsonNode data, int index) {
        JsonNode user = data.path("users").get(index);
        assertThat(user.path("outcome").asString()).isEqualTo("REJECTED");
        JsonNode error = user.path("errors").get(0);
        return error.path("code").asString() + "@" + error.path("pointer").asString();
    }

    private static List<String> pointers(JsonNode errors) {
        List<String> pointers = new ArrayList<>();
        errors.forEach(error -> pointers.add(error.path("pointer").asString()));
        return pointers;
    }

    private static List<String> codes(JsonNode errors) {
        List<String> codes = new ArrayList<>();
        errors.forEach(error -> codes.add(error.path("code").asString()));
        return codes;
    }
}
