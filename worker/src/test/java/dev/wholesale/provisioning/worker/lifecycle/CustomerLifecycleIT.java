package dev.wholesale.provisioning.worker.lifecycle;

import static dev.wholesale.provisioning.worker.Requests.addUsers;
import static dev.wholesale.provisioning.worker.Requests.customer;
import static dev.wholesale.provisioning.worker.Requests.location;
import static dev.wholesale.provisioning.worker.Requests.template;
import static dev.wholesale.provisioning.worker.Requests.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The facts billing charges from, after creation: upgrades (the administrator moves along), user
 * changes and removals, deprovisioning with users removed per package, template changes.
 */
class CustomerLifecycleIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-life";

    @Test
    void upgradesUserChangesRemovalsAndDeprovisioningReportWhatBillingNeeds() {
        String provisioningId = send(templates(), "provisioning.template.create.v1", template("Lifecycle"))
                .path("data").path("template").path("provisioningId").asString();
        Map<String, Object> create = customer("life-1", provisioningId, "admin@life.dk");
        create.put("package", "webex_voice");
        JsonNode provisioned = send(customers(), "provisioning.customer.create.v1", create);
        String adminId = provisioned.path("data").path("administrator").path("subscriberId").asString();

        JsonNode upgraded = send(customers(), "provisioning.customer.update.v1", Map.of("externalId", "life-1",
                "package", "webex_calling", "customerInfo", Map.of("name", "Fjord Bakery A/S")));
        assertThat(upgraded.path("type").asString()).isEqualTo("provisioning.customer.updated.v1");
        JsonNode changes = upgraded.path("data").path("changes");
        assertThat(changes.path("package").path("before").asString()).isEqualTo("webex_voice");
        assertThat(changes.path("package").path("after").asString()).isEqualTo("webex_calling");
        assertThat(changes.path("name").path("after").asString()).isEqualTo("Fjord Bakery A/S");
        assertThat(changes.has("packageLimits")).isFalse();
        assertThat(upgraded.path("data").path("administrator").path("package").asString()).isEqualTo("webex_calling");
        assertThat(upgraded.path("data").path("administrator").path("subscriberId").asString()).isEqualTo(adminId);

        send(users(), "provisioning.users.add.v1", addUsers("life-1", List.of(location("Aarhus", "DK")), List.of(
                user("ann@life.dk", "webex_voice", "Copenhagen HQ", "+4532123456", null),
                user("ben@life.dk", "webex_meetings", "Aarhus", null, null))));

        JsonNode updated = send(users(), "provisioning.users.update.v1", Map.of("customerExternalId", "life-1",
                "users", List.of(Map.of("email", "ann@life.dk", "package", "webex_suite", "location", "Aarhus",
                        "primaryPhoneNumber", "+4586123456"))));
        assertThat(updated.path("type").asString()).isEqualTo("provisioning.users.updated.v1");
        JsonNode ann = updated.path("data").path("users").get(0);
        assertThat(ann.path("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(ann.path("package").asString()).isEqualTo("webex_suite");
        assertThat(ann.path("previousPackage").asString()).isEqualTo("webex_voice");
        assertThat(ann.path("location").asString()).isEqualTo("Aarhus");

        JsonNode removed = send(users(), "provisioning.users.remove.v1", Map.of("customerExternalId", "life-1",
                "emails", List.of("BEN@life.dk")));
        assertThat(removed.path("type").asString()).isEqualTo("provisioning.users.removed.v1");
        assertThat(removed.path("data").path("countsPerPackage").path("webex_meetings").asInt()).isEqualTo(1);

        JsonNode deprovisioned = send(customers(), "provisioning.customer.delete.v1", Map.of("externalId", "life-1"));
        assertThat(deprovisioned.path("type").asString()).isEqualTo("provisioning.customer.deprovisioned.v1");
        assertThat(deprovisioned.path("data").path("usersRemoved").path("webex_calling").asInt()).isEqualTo(1);
        assertThat(deprovisioned.path("data").path("usersRemoved").path("webex_suite").asInt()).isEqualTo(1);
        assertThat(deprovisioned.path("data").path("usersRemovedTotal").asInt()).isEqualTo(2);

        // Deprovisioned: its e-mails and numbers are free again, and the template may go.
        JsonNode again = send(customers(), "provisioning.customer.create.v1", customer("life-2", provisioningId, "admin@life.dk"));
        assertThat(again.path("type").asString()).isEqualTo("provisioning.customer.provisioned.v1");
        send(customers(), "provisioning.customer.delete.v1", Map.of("externalId", "life-2"));
        JsonNode templateDeleted = send(templates(), "provisioning.template.delete.v1", Map.of("provisioningId", provisioningId));
        assertThat(templateDeleted.path("type").asString()).isEqualTo("provisioning.template.deleted.v1");
    }

    @Test
    void aTemplateUpdateReplacesItsSettings() {
        String provisioningId = send(templates(), "provisioning.template.create.v1", template("Before"))
                .path("data").path("template").path("provisioningId").asString();
        Map<String, Object> settings = template("After");
        settings.put("provisioningId", provisioningId);
        settings.put("authentication", Map.of("method", "PARTNER_SAML", "idpEntityId", "https://idp.acme.dk/saml"));
        settings.put("disableWebexCalling", true);
        JsonNode updated = send(templates(), "provisioning.template.update.v1", settings);
        assertThat(updated.path("type").asString()).isEqualTo("provisioning.template.updated.v1");
        JsonNode template = updated.path("data").path("template");
        assertThat(template.path("provisioningId").asString()).isEqualTo(provisioningId);
        assertThat(template.path("templateName").asString()).isEqualTo("After");
        assertThat(template.path("authentication").path("method").asString()).isEqualTo("PARTNER_SAML");
        assertThat(template.path("disableWebexCalling").asBoolean()).isTrue();
        assertThat(template.path("restrictAdminInviteEmails").asBoolean()).isFalse();
    }

    private JsonNode send(String topic, String type, Map<String, Object> data) {
        String requestId = "life-" + UUID.randomUUID();
        Object subject = data.getOrDefault("externalId", data.getOrDefault("customerExternalId", "template"));
        client.send(topic, PARTNER + "/" + subject, RequestTopicsClient.event(type, PARTNER, requestId, data));
        return client.awaitResult(requestId);
    }
}
