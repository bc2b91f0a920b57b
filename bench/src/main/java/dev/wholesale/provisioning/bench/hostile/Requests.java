package dev.wholesale.provisioning.bench.hostile;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Requests of the catalogue, valid unless a caller breaks them, as structured-mode CloudEvents. */
final class Requests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Requests() {
    }

    static ObjectNode event(String type, String partner, String requestId, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", requestId)
                .put("source", "urn:bench:hostile").put("type", type).put("partnerid", partner)
                .put("datacontenttype", "application/json");
        event.set("data", data);
        return event;
    }

    static ObjectNode template(String name) {
        return JSON.createObjectNode().put("templateName", name).put("country", "DK").put("language", "da")
                .put("serviceProviderAdminEmail", "ops@provider.test").put("wholesaleSubscriptionId", "sub-1")
                .put("brandName", "Hostile suite");
    }

    static ObjectNode customer(String externalId, String provisioningId, String adminEmail) {
        ObjectNode create = JSON.createObjectNode().put("externalId", externalId).put("provisioningId", provisioningId)
                .put("package", "webex_calling").put("webexSupportedLocationConfirmed", true);
        create.putObject("customerInfo").put("name", "Customer " + externalId).put("primaryEmail", adminEmail);
        ObjectNode hq = create.putObject("headquarters").put("name", "HQ").put("timezone", "Europe/Copenhagen");
        hq.putObject("address").put("addressLine1", "Vestergade 1").put("city", "Odense").put("country", "DK");
        return create;
    }

    /** A users.add of {@code count} calling users at the headquarters, e-mails unique by {@code domain}. */
    static ObjectNode users(String customerExternalId, String domain, int count) {
        ObjectNode data = JSON.createObjectNode().put("customerExternalId", customerExternalId);
        ArrayNode users = data.putArray("users");
        for (int i = 0; i < count; i++) {
            users.addObject().put("email", "user" + i + "@" + domain).put("firstName", "User").put("lastName", "No " + i)
                    .put("package", "webex_calling").put("location", "HQ").put("extension", Integer.toString(10_000 + i));
        }
        return data;
    }

    static byte[] bytes(ObjectNode event) {
        return JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
    }
}
