package dev.wholesale.provisioning.bench.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The source document's story, told with the contract examples: a template, a customer created
 * from it (with the provisioning id the worker returned), the "set up customer" step with users
 * and phone numbers, and one invalid request.
 */
final class ExampleStory {

    private static final String EXAMPLES = "/dev/wholesale/provisioning/contracts/examples/";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ResultWatcher results;
    private final Console console;

    ExampleStory(ResultWatcher results, Console console) {
        this.results = results;
        this.console = console;
    }

    /** Plays the story; returns the provisioning id of the template it created. */
    String play() throws InterruptedException {
        console.headline("1. Onboarding template");
        JsonNode template = send(Topics.TEMPLATE_REQUESTS, example("valid/provisioning.template.create.v1.json"));
        String provisioningId = template.path("data").path("template").path("provisioningId").asString();

        console.headline("2. Create customer from the template (provisioningId " + provisioningId + ")");
        ObjectNode customer = example("valid/provisioning.customer.create.v1.json");
        ((ObjectNode) customer.path("data")).put("provisioningId", provisioningId);
        send(Topics.CUSTOMER_REQUESTS, customer);

        console.headline("3. Set up customer: locations, users, phone numbers");
        send(Topics.USER_REQUESTS, example("valid/provisioning.users.add.v1.json"));

        console.headline("4. Changes billing charges from: a user upgrade, a customer upgrade, a removal");
        send(Topics.USER_REQUESTS, example("valid/provisioning.users.update.v1.json"));
        send(Topics.CUSTOMER_REQUESTS, example("valid/provisioning.customer.update.v1.json"));
        send(Topics.USER_REQUESTS, example("valid/provisioning.users.remove.v1.json"));

        console.headline("5. The same request again changes nothing and emits nothing; an invalid one is refused field by field");
        results.send(Topics.USER_REQUESTS, "partner-acme/cust-1001",
                ResultWatcher.JSON.writeValueAsBytes(example("valid/provisioning.users.remove.v1.json")),
                "provisioning.users.remove.v1", "acme-req-0203 (again)");
        send(Topics.CUSTOMER_REQUESTS, example("invalid/customer-create-several-broken-fields.json"));

        console.headline("6. A record that is not even JSON goes to the dead-letter topic; its sender is told if it can be");
        byte[] truncated = ("{\"specversion\":\"1.0\",\"id\":\"acme-req-0999\",\"type\":\"provisioning.users.add.v1\","
                + "\"partnerid\":\"partner-acme\",\"data\":{\"customerExternalId\":\"cust-1").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        results.send(Topics.USER_REQUESTS, "partner-acme/cust-1001", truncated, "(truncated JSON)", "acme-req-0999");
        results.awaitResult("acme-req-0999", WAIT);
        return provisioningId;
    }

    /** The rest of the lifecycle, for capturing every result type: template change, deprovisioning, deletion. */
    void playTeardown(String provisioningId) throws InterruptedException {
        console.headline("7. Template update, customer deprovisioning, template deletion");
        ObjectNode update = example("valid/provisioning.template.update.v1.json");
        ((ObjectNode) update.path("data")).put("provisioningId", provisioningId);
        send(Topics.TEMPLATE_REQUESTS, update);
        send(Topics.CUSTOMER_REQUESTS, example("valid/provisioning.customer.delete.v1.json"));
        ObjectNode delete = example("valid/provisioning.template.delete.v1.json");
        ((ObjectNode) delete.path("data")).put("provisioningId", provisioningId);
        send(Topics.TEMPLATE_REQUESTS, delete);
    }

    private JsonNode send(String topic, ObjectNode event) throws InterruptedException {
        String requestId = event.path("id").asString();
        String type = event.path("type").asString();
        String key = event.path("partnerid").asString() + "/" + subjectOf(event);
        results.send(topic, key, ResultWatcher.JSON.writeValueAsBytes(event), type, requestId);
        return results.awaitResult(requestId, WAIT);
    }

    private static String subjectOf(ObjectNode event) {
        JsonNode data = event.path("data");
        return RequestType.fromWire(event.path("type").asString())
                .map(type -> type.name().startsWith("TEMPLATE") ? data.path("templateName").asString("")
                        : data.path("externalId").asString(data.path("customerExternalId").asString("")))
                .orElse("");
    }

    private static ObjectNode example(String name) {
        try (InputStream in = ExampleStory.class.getResourceAsStream(EXAMPLES + name)) {
            if (in == null) {
                throw new IllegalStateException("example " + name + " is missing from the contracts jar");
            }
            return (ObjectNode) ResultWatcher.JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
