package dev.wholesale.provisioning.bench.hostile;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records built to make a backtracking regular expression take quadratic time or worse: in every
 * field a pattern of the schemas checks, strings as long as the intake allows (16,384 characters),
 * shaped like what the pattern almost accepts and ending in what it refuses. Each record stays
 * within the 1 MiB intake limit, so the worker must read and validate it, not set it aside.
 */
final class Backtracking {

    /** The longest string the worker reads; a longer one is refused before any pattern runs. */
    static final int LONGEST = 16_384;

    private Backtracking() {
    }

    /** Thousands of "a." and a second "@": the shape that held a partition for 45 s. */
    static String email() {
        return fill("a@", "a.", "@");
    }

    static String phoneNumber() {
        return fill("+1", "1", "x");
    }

    static String extension() {
        return fill("", "1", "x");
    }

    static String timezone() {
        return fill("A", "/a", "!");
    }

    static String language() {
        return fill("", "a", "_");
    }

    static String name() {
        return fill("", "a", "%");
    }

    static String time() {
        return fill("2026-11-24T09:00:00.", "1", "x");
    }

    static String traceparent() {
        return fill("00-", "a", "-");
    }

    static String uriReference() {
        return fill("urn:", "a:", " ");
    }

    /** {@code prefix}, then {@code unit} repeated, then {@code suffix}, {@link #LONGEST} characters in all. */
    private static String fill(String prefix, String unit, String suffix) {
        StringBuilder text = new StringBuilder(LONGEST).append(prefix);
        while (text.length() + unit.length() + suffix.length() <= LONGEST) {
            text.append(unit);
        }
        return text.append(suffix).toString();
    }

    /** users.add whose every user has a hostile e-mail, phone number or extension. */
    static ObjectNode users(String customerExternalId, String field, String value) {
        ObjectNode data = Requests.JSON.createObjectNode().put("customerExternalId", customerExternalId);
        ArrayNode users = data.putArray("users");
        for (int i = 0; i < 60; i++) {
            ObjectNode user = users.addObject().put("email", "user" + i + "@hostile.test").put("firstName", "F")
                    .put("lastName", "L").put("package", "webex_calling").put("location", "HQ")
                    .put("extension", Integer.toString(20_000 + i));
            user.put(field, value);
        }
        return data;
    }

    /** users.add whose every new location has a hostile time zone and language. */
    static ObjectNode locations(String customerExternalId) {
        ObjectNode data = Requests.JSON.createObjectNode().put("customerExternalId", customerExternalId);
        ArrayNode locations = data.putArray("locations");
        for (int i = 0; i < 30; i++) {
            ObjectNode location = locations.addObject().put("name", "Site " + i).put("timezone", timezone())
                    .put("language", language());
            location.putObject("address").put("addressLine1", "Gade " + i).put("city", "Aarhus").put("country", "DK");
        }
        data.putArray("users");
        return data;
    }

    /** customer.create with a hostile name, administrator e-mail, language and headquarters time zone. */
    static ObjectNode customer(String externalId, String provisioningId) {
        ObjectNode create = Requests.customer(externalId, provisioningId, email());
        ((ObjectNode) create.get("customerInfo")).put("name", name()).put("language", language());
        ((ObjectNode) create.get("headquarters")).put("timezone", timezone());
        return create;
    }

    /** A template whose envelope has a hostile time, traceparent and source. */
    static ObjectNode envelope(ObjectNode event) {
        return event.put("time", time()).put("traceparent", traceparent()).put("source", uriReference());
    }
}
