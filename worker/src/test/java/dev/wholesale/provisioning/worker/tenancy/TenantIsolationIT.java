package dev.wholesale.provisioning.worker.tenancy;

import static dev.wholesale.provisioning.worker.Requests.addUsers;
import static dev.wholesale.provisioning.worker.Requests.customer;
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

/** Two partners use the same template names, external ids and request ids without touching each other. */
class TenantIsolationIT extends WorkerIntegrationTest {

    @Test
    void partnersWithClashingNamesAndIdsStayApart() {
        String nordic = createTemplate("partner-north", "Standard");
        String southern = createTemplate("partner-south", "Standard");
        assertThat(nordic).isNotEqualTo(southern);

        JsonNode north = send(customers(), "partner-north", "same-request-id", "provisioning.customer.create.v1",
                customer("shared-ext-1", nordic, "admin@north.dk"));
        JsonNode south = send(customers(), "partner-south", "same-request-id", "provisioning.customer.create.v1",
                customer("shared-ext-1", southern, "admin@south.dk"));
        assertThat(north.path("type").asString()).isEqualTo("provisioning.customer.provisioned.v1");
        assertThat(south.path("type").asString()).isEqualTo("provisioning.customer.provisioned.v1");
        assertThat(north.path("data").path("customerId").asString())
                .isNotEqualTo(south.path("data").path("customerId").asString());
        assertThat(north.path("id").asString()).isNotEqualTo(south.path("id").asString());
    }

    @Test
    void aPartnerCannotUseOrSeeAnotherPartnersTemplateOrCustomer() {
        String foreignTemplate = createTemplate("partner-owner", "Private");
        send(customers(), "partner-owner", "owner-c1", "provisioning.customer.create.v1",
                customer("owned-1", foreignTemplate, "admin@owned.dk"));

        JsonNode stolenTemplate = send(customers(), "partner-intruder", "intruder-c1", "provisioning.customer.create.v1",
                customer("intruder-1", foreignTemplate, "admin@intruder.dk"));
        assertThat(stolenTemplate.path("data").path("errors").get(0).path("code").asString()).isEqualTo("TEMPLATE_NOT_FOUND");

        JsonNode deleteForeign = send(templates(), "partner-intruder", "intruder-t1", "provisioning.template.delete.v1",
                Map.of("provisioningId", foreignTemplate));
        assertThat(deleteForeign.path("data").path("errors").get(0).path("code").asString()).isEqualTo("TEMPLATE_NOT_FOUND");

        // The intruder's users request for the owner's external id waits for a customer of its own, then times out:
        // it never lands in the owner's customer.
        JsonNode users = send(users(), "partner-intruder", "intruder-u1", "provisioning.users.add.v1",
                addUsers("owned-1", List.of(), List.of(user("spy@intruder.dk", "webex_meetings", "Copenhagen HQ", null, null))));
        assertThat(users.path("data").path("errors").get(0).path("code").asString()).isEqualTo("CUSTOMER_NOT_FOUND");
        assertThat(users.toString()).doesNotContain("admin@owned.dk");
    }

    private String createTemplate(String partner, String name) {
        JsonNode created = send(templates(), partner, "t-" + UUID.randomUUID(), "provisioning.template.create.v1",
                template(name));
        assertThat(created.path("type").asString()).isEqualTo("provisioning.template.created.v1");
        return created.path("data").path("template").path("provisioningId").asString();
    }

    private JsonNode send(String topic, String partner, String requestId, String type, Map<String, Object> data) {
        client.send(topic, partner + "/" + data.getOrDefault("externalId", "x"),
                RequestTopicsClient.event(type, partner, requestId, data));
        client.awaitRecords(records -> client.results().stream().anyMatch(r -> matches(r, partner, requestId)),
                java.time.Duration.ofSeconds(30));
        return client.results().stream().filter(r -> matches(r, partner, requestId)).findFirst().orElseThrow();
    }

    private static boolean matches(JsonNode result, String partner, String requestId) {
        return partner.equals(result.path("partnerid").asString())
                && requestId.equals(result.path("data").path("requestId").asString());
    }
}
