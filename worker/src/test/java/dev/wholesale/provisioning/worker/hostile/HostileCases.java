package dev.wholesale.provisioning.worker.hostile;

import static dev.wholesale.provisioning.worker.hostile.HostileCase.DeadLetter;
import static dev.wholesale.provisioning.worker.hostile.HostileCase.Rejected;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.Requests;

import tools.jackson.databind.node.ObjectNode;

/** A corpus of malformed and hostile records, each with what the catalogue says must happen to it. */
final class HostileCases {

    private static final Map<String, String> STRUCTURED = Map.of("content-type", "application/cloudevents+json");
    private final String templates;
    private final String customers;
    private final String partner;
    private final Random random = new Random(42);
    private final List<HostileCase> cases = new ArrayList<>();
    private int n;

    HostileCases(String templates, String customers, String partner) {
        this.templates = templates;
        this.customers = customers;
        this.partner = partner;
    }

    List<HostileCase> all() {
        notJson();
        truncated();
        wrongTypes();
        missingAndWrongCustomerFields();
        hugeStringsAndArrays();
        deepNesting();
        controlCharactersAndOddUnicode();
        sqlFragments();
        duplicateKeys();
        lyingBinaryHeaders();
        unknownTypesAndMissingPartners();
        oversized();
        return cases;
    }

    private void notJson() {
        List<String> garbage = List.of("{", "}", "{\"a\":", "nul", "[", "{a:1}", "{'id':'x'}", "{\"a\":1,}", "// hi\n{}",
                "<xml/>", "\"just a string", "{\"a\":\"\\x\"}", "{\"a\":01}", "NaN", "{\"a\" 1}", "\u0000\u0001\u0002",
                "[1,2", "{\"a\":[}", "{\"a\":tru}", "{\"a\":\"unterminated}");
        for (String value : garbage) {
            add("not json: " + value.replace("\n", " "), customers, value.getBytes(StandardCharsets.UTF_8), STRUCTURED,
                    null, new DeadLetter("NOT_JSON", false));
        }
        for (int i = 0; i < 10; i++) {
            byte[] bytes = new byte[20 + random.nextInt(200)];
            random.nextBytes(bytes);
            bytes[0] = (byte) 0xC3; // a broken UTF-8 sequence, never valid JSON
            bytes[1] = (byte) 0x28;
            add("random bytes " + i, customers, bytes, STRUCTURED, null, new DeadLetter("NOT_JSON", false));
        }
        add("empty value", customers, new byte[0], STRUCTURED, null, new DeadLetter("NOT_JSON", false));
    }

    private void truncated() {
        for (int i = 0; i < 20; i++) {
            String id = id();
            String json = RequestTopicsClient.JSON.writeValueAsString(event("provisioning.template.create.v1", id,
                    Requests.template("Truncated " + i)));
            int dataStart = json.indexOf("\"data\"");
            int cut = dataStart + 8 + random.nextInt(json.length() - dataStart - 9);
            add("truncated after the identity " + i, templates, json.substring(0, cut).getBytes(StandardCharsets.UTF_8),
                    STRUCTURED, id, new DeadLetter("NOT_JSON", true));
        }
        for (int i = 0; i < 5; i++) {
            String json = RequestTopicsClient.JSON.writeValueAsString(event("provisioning.template.create.v1", id(),
                    Requests.template("Cut early")));
            add("truncated before the identity " + i, templates, json.substring(0, 20 + i).getBytes(StandardCharsets.UTF_8),
                    STRUCTURED, null, new DeadLetter("NOT_JSON", false));
        }
    }

    private void wrongTypes() {
        String[] fields = {"templateName", "country", "language", "serviceProviderAdminEmail", "wholesaleSubscriptionId",
                "brandName", "authentication", "restrictAdminInviteEmails", "disableWebexCalling", "pstnProvider"};
        Object[] wrongValues = {42, true, List.of("a"), Map.of("x", 1), 3.5};
        for (String field : fields) {
            for (int k = 0; k < 2; k++) {
                Map<String, Object> data = Requests.template("Wrong " + field + k);
                Object wrong = wrongValues[(field.length() + k) % wrongValues.length];
                data.put(field, wrong instanceof Boolean && field.startsWith("restrict") ? "yes" : wrong);
                rejected("wrong type of " + field, templates, "provisioning.template.create.v1", data, "VALIDATION_FAILED");
            }
        }
    }

    private void missingAndWrongCustomerFields() {
        String[] required = {"externalId", "provisioningId", "customerInfo", "package", "headquarters",
                "webexSupportedLocationConfirmed"};
        for (String field : required) {
            Map<String, Object> data = Requests.customer("missing-" + field, "01a20d91-0000-7000-8000-000000000000",
                    "admin@missing-" + field.toLowerCase() + ".dk");
            data.remove(field);
            rejected("customer without " + field, customers, "provisioning.customer.create.v1", data, "VALIDATION_FAILED");
        }
        Object[] wrongValues = {42, List.of(1), Map.of("x", 1), 3.5, "text"};
        for (String field : required) {
            for (int k = 0; k < 3; k++) {
                Object wrong = wrongValues[(field.length() + k) % wrongValues.length];
                if (wrong instanceof String && !field.equals("webexSupportedLocationConfirmed")
                        && !field.equals("customerInfo") && !field.equals("headquarters")) {
                    wrong = false;
                }
                Map<String, Object> data = Requests.customer("wrong-" + field + k, "01a20d91-0000-7000-8000-000000000000",
                        "admin" + k + "@wrong-" + field.toLowerCase() + ".dk");
                data.put(field, wrong);
                rejected("customer with a wrong " + field, customers, "provisioning.customer.create.v1", data,
                        "VALIDATION_FAILED");
            }
        }
    }

    private void hugeStringsAndArrays() {
        for (int i = 0; i < 8; i++) {
            Map<String, Object> data = Requests.template("x".repeat(81 + i * 100));
            rejected("template name over 80 characters " + i, templates, "provisioning.template.create.v1", data,
                    "VALIDATION_FAILED");
        }
        for (int i = 0; i < 6; i++) {
            String id = id();
            Map<String, Object> data = Requests.template("y".repeat(20_000 + i));
            add("a string over the intake limit " + i, templates, bytes(event("provisioning.template.create.v1", id, data)),
                    STRUCTURED, id, new DeadLetter("TOKEN_TOO_LONG", true));
        }
        for (int i = 0; i < 4; i++) {
            List<Object> users = new ArrayList<>();
            for (int u = 0; u < 1001 + i; u++) {
                users.add(Requests.user("u" + u + "@huge.dk", "webex_meetings", "HQ", null, null));
            }
            rejected("1001 users in one request " + i, customers, "provisioning.users.add.v1",
                    Map.of("customerExternalId", "huge-" + i, "users", users), "VALIDATION_FAILED");
        }
    }

    private void deepNesting() {
        for (int i = 0; i < 10; i++) {
            String id = id();
            String nested = "[".repeat(20 + i * 10) + "]".repeat(20 + i * 10);
            String json = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"urn:t\",\"type\":"
                    + "\"provisioning.template.create.v1\",\"partnerid\":\"" + partner + "\",\"data\":{\"x\":" + nested + "}}";
            add("nested " + (20 + i * 10) + " deep", templates, json.getBytes(StandardCharsets.UTF_8), STRUCTURED, id,
                    new DeadLetter("TOO_DEEP", true));
        }
    }

    private void controlCharactersAndOddUnicode() {
        String[] refused = {"Nul\u0000Byte", "Bell\u0007", "Line\nBreak", "Tab\there", "Escape\u001b[31m", "Del\u007f",
                "Form\ffeed", "Vertical\u000btab"};
        for (String name : refused) {
            rejected("control character in a name", templates, "provisioning.template.create.v1",
                    Requests.template(name), "VALIDATION_FAILED");
        }
        for (String escaped : List.of("Lone \\ud800 surrogate", "Reversed \\udc00\\ud800 pair")) {
            String id = id();
            String json = new String(bytes(event("provisioning.template.create.v1", id, Requests.template("SURROGATE"))),
                    StandardCharsets.UTF_8).replace("SURROGATE", escaped);
            add("unpaired surrogate in a name", templates, json.getBytes(StandardCharsets.UTF_8), STRUCTURED, id,
                    new Rejected("VALIDATION_FAILED"));
        }
        String[] accepted = {"Bager 🥐 ApS", "\u202eRTL mark", "Zoë Cafe\u0301", "日本語の会社", "Ελληνικά"};
        for (String name : accepted) {
            accepted("odd but valid Unicode: " + name, templates, "provisioning.template.create.v1", Requests.template(name),
                    "provisioning.template.created.v1");
        }
    }

    private void sqlFragments() {
        String[] fragments = {"'; drop table customer; --", "Robert'); DROP TABLE subscriber;--", "1 OR 1=1",
                "$$; delete from template; $$", "\\'; truncate outbox; --"};
        for (String fragment : fragments) {
            accepted("SQL fragment as a name: " + fragment, templates, "provisioning.template.create.v1",
                    Requests.template(fragment), "provisioning.template.created.v1");
        }
    }

    private void duplicateKeys() {
        for (int i = 0; i < 5; i++) {
            String id = id();
            String json = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"urn:t\",\"type\":"
                    + "\"provisioning.customer.delete.v1\",\"partnerid\":\"" + partner + "\","
                    + "\"data\":{\"externalId\":\"a\",\"externalId\":\"b\"}}";
            add("duplicate key in data " + i, customers, json.getBytes(StandardCharsets.UTF_8), STRUCTURED, id,
                    new DeadLetter("DUPLICATE_KEY", true));
        }
        for (int i = 0; i < 5; i++) {
            String json = "{\"specversion\":\"1.0\",\"id\":\"dup-a-" + i + "\",\"id\":\"dup-b-" + i + "\",\"source\":\"urn:t\","
                    + "\"type\":\"provisioning.customer.delete.v1\",\"partnerid\":\"" + partner + "\",\"data\":{}}";
            add("duplicate request id " + i, customers, json.getBytes(StandardCharsets.UTF_8), STRUCTURED, null,
                    new DeadLetter("DUPLICATE_KEY", false));
        }
    }

    private void lyingBinaryHeaders() {
        for (int i = 0; i < 5; i++) {
            String id = id();
            // ce_* headers say binary mode, but the value is a whole structured event: it is taken as data.
            byte[] value = bytes(event("provisioning.template.create.v1", id, Requests.template("Lie " + i)));
            add("binary headers over a structured body " + i, templates, value, Map.of("ce_specversion", "1.0",
                    "ce_id", id, "ce_source", "urn:t", "ce_type", "provisioning.template.create.v1",
                    "ce_partnerid", partner, "content-type", "application/json"), id, new Rejected("VALIDATION_FAILED"));
        }
        for (int i = 0; i < 5; i++) {
            String id = id();
            add("binary headers with a body that is not JSON " + i, templates, "not json".getBytes(StandardCharsets.UTF_8),
                    Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "urn:t", "ce_type",
                            "provisioning.template.create.v1", "ce_partnerid", partner, "content-type", "application/json"),
                    id, new DeadLetter("NOT_JSON", true));
        }
        for (int i = 0; i < 5; i++) {
            add("binary headers without a partner " + i, templates, bytes(Requests.template("No partner " + i)),
                    Map.of("ce_specversion", "1.0", "ce_id", id(), "ce_source", "urn:t", "ce_type",
                            "provisioning.template.create.v1", "content-type", "application/json"),
                    null, new DeadLetter("MISSING_PARTNER_ID", false));
        }
        for (int i = 0; i < 5; i++) {
            String id = id();
            add("a content type that is not JSON " + i, templates, bytes(event("provisioning.template.create.v1", id,
                    Requests.template("Avro " + i))), Map.of("content-type", "application/avro"), id,
                    new DeadLetter("UNSUPPORTED_CONTENT_TYPE", true));
        }
    }

    private void unknownTypesAndMissingPartners() {
        String[] types = {"provisioning.customer.rename.v1", "provisioning.template.create.v2", "PROVISIONING.TEMPLATE.CREATE.V1",
                "", "provisioning.template.create.v1 ", "com.example.other", "provisioning.users.add", "x".repeat(200),
                "provisioning.results.v1", "provisioning.request.rejected.v1"};
        for (String type : types) {
            if (type.isEmpty()) {
                String json = "{\"specversion\":\"1.0\",\"id\":\"" + id() + "\",\"source\":\"urn:t\",\"type\":\"\","
                        + "\"partnerid\":\"" + partner + "\",\"data\":{}}";
                add("empty type", templates, json.getBytes(StandardCharsets.UTF_8), STRUCTURED, null,
                        new DeadLetter("NOT_A_CLOUDEVENT", false));
            } else {
                rejected("unknown type " + type, templates, type, Requests.template("Unknown"), "UNSUPPORTED_TYPE");
            }
        }
        for (int i = 0; i < 10; i++) {
            ObjectNode event = event("provisioning.template.create.v1", id(), Requests.template("Orphan " + i));
            event.remove("partnerid");
            if (i % 2 == 1) {
                event.put("partnerid", (String) null);
            }
            add("no partner " + i, templates, bytes(event), STRUCTURED, null, new DeadLetter("MISSING_PARTNER_ID", false));
        }
    }

    /**
     * Over the value limit the test sets (256 KB), yet within what the topic takes: the worker sizes
     * the request topics it creates for a record of that value plus a key and headers at their
     * limits, so a value a little over the limit reaches it (a larger one the broker refuses).
     */
    private void oversized() {
        for (int i = 0; i < 5; i++) {
            String id = id();
            Map<String, Object> data = Requests.template("Big " + i);
            data.put("padding", "z".repeat(256 * 1024 + 10_000));
            add("a record over the configured size limit " + i, templates, bytes(event("provisioning.template.create.v1", id,
                    data)), STRUCTURED, id, new DeadLetter("TOO_LARGE", true));
        }
    }

    private void rejected(String name, String topic, String type, Object data, String code) {
        String id = id();
        add(name, topic, bytes(event(type, id, data)), STRUCTURED, id, new Rejected(code));
    }

    private void accepted(String name, String topic, String type, Object data, String resultType) {
        String id = id();
        add(name, topic, bytes(event(type, id, data)), STRUCTURED, id, new HostileCase.Accepted(resultType));
    }

    private void add(String name, String topic, byte[] value, Map<String, String> headers, String requestId,
                     HostileCase.Expectation expectation) {
        cases.add(new HostileCase(name, topic, "hostile-" + cases.size(), value, headers, requestId, expectation));
    }

    private ObjectNode event(String type, String id, Object data) {
        return RequestTopicsClient.event(type, partner, id, data);
    }

    private String id() {
        return "hostile-req-" + (n++);
    }

    private static byte[] bytes(Object json) {
        return RequestTopicsClient.JSON.writeValueAsBytes(json);
    }
}
