package dev.wholesale.provisioning.worker.hostile;

import static dev.wholesale.provisioning.worker.hostile.HostileRecord.ANY_POINTER;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.Requests;
import dev.wholesale.provisioning.worker.hostile.HostileRecord.Applied;
import dev.wholesale.provisioning.worker.hostile.HostileRecord.DeadLetter;
import dev.wholesale.provisioning.worker.hostile.HostileRecord.Expect;
import dev.wholesale.provisioning.worker.hostile.HostileRecord.NoResult;
import dev.wholesale.provisioning.worker.hostile.HostileRecord.Refused;
import dev.wholesale.provisioning.worker.hostile.RawRecords.Header;

import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed and hostile records for the three request topics, each with what the catalogue
 * (MESSAGES.md, contracts/README.md) and the intake decoder say must happen to it. Where the
 * catalogue leaves a case open, the expectation is the worker's current behaviour and the case is
 * marked "questionable" (see the report of the test that uses it).
 */
final class HostileCorpus {

    static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    static final String REJECTED_TYPE = "provisioning.request.rejected.v1";
    static final String TEMPLATE_CREATE = "provisioning.template.create.v1";
    static final String TEMPLATE_CREATED = "provisioning.template.created.v1";
    static final String CUSTOMER_CREATE = "provisioning.customer.create.v1";
    static final String CUSTOMER_PROVISIONED = "provisioning.customer.provisioned.v1";
    static final String USERS_ADD = "provisioning.users.add.v1";
    static final String USERS_PROVISIONED = "provisioning.users.provisioned.v1";
    /** Over the 1 MiB intake limit by one byte. */
    static final int ONE_MIB = 1024 * 1024;

    private static final String STRUCTURED = "application/cloudevents+json";

    private final String partner;
    private final String templates;
    private final String customers;
    private final String users;
    private final String provisioningId;
    private final String customer;
    private final Random random = new Random(20261124);
    private final List<HostileRecord> records = new ArrayList<>();
    private String category = "";
    private int ids;

    /**
     * @param provisioningId a template of {@code partner}, for customer requests
     * @param customer       an existing customer of {@code partner} with the location "Copenhagen HQ", for users requests
     */
    HostileCorpus(String partner, String templates, String customers, String users, String provisioningId, String customer) {
        this.partner = partner;
        this.templates = templates;
        this.customers = customers;
        this.users = users;
        this.provisioningId = provisioningId;
        this.customer = customer;
    }

    List<HostileRecord> all() {
        notJson();
        randomBytes();
        notUtf8();
        truncated();
        wrongTypesOfTemplateFields();
        wrongTypesOfCustomerFields();
        wrongTypesOfUsersFields();
        wrongEnvelopeAttributes();
        wrongIdentityAttributes();
        hugeStrings();
        deepNesting();
        hugeArrays();
        oversized();
        controlCharacters();
        oddUnicode();
        sqlFragments();
        duplicateKeys();
        lyingBinaryHeaders();
        unknownTypes();
        missingPartners();
        emptyValues();
        idempotencyOfHostileRecords();
        keysAndSubjects();
        return records;
    }

    // ---------------------------------------------------------------------------------------------

    private void notJson() {
        category = "invalid JSON";
        List<String> garbage = List.of("{", "}", "{\"a\":", "nul", "[", "{a:1}", "{'id':'x'}", "{\"a\":1,}", "// hi\n{}",
                "<xml/>", "\"unterminated", "{\"a\":\"\\x\"}", "{\"a\":01}", "NaN", "{\"a\" 1}", "[1,2", "{\"a\":[}",
                "{\"a\":tru}", "{\"a\":\"unterminated}", "undefined", "{\"a\":1}{\"b\":2}", "{}garbage", "   \n\t  ",
                "\u0000\u0001\u0002", "{\"a\":Infinity}");
        for (String value : garbage) {
            add("not JSON: " + printable(value), customers, utf8(value), structured(), null, new DeadLetter("NOT_JSON", null));
        }
        category = "JSON but not a CloudEvent";
        for (String value : List.of("\"just a string\"", "123", "null", "[]", "true", "[{\"id\":\"x\"}]")) {
            add("JSON that is not an object: " + value, customers, utf8(value), structured(), null,
                    new DeadLetter("NOT_A_CLOUDEVENT", null));
        }
        category = "invalid JSON";
        // The identity comes first and is whole, so the sender is told even though the record is broken.
        String id = id();
        add("a whole event followed by garbage", customers, utf8(text(event(CUSTOMER_DELETE, id, Map.of("externalId", "x")))
                + " trailing"), structured(), id, new DeadLetter("NOT_JSON", VALIDATION_FAILED));
        id = id();
        add("a whole event and a closing brace too many", customers,
                utf8(text(event(CUSTOMER_DELETE, id, Map.of("externalId", "x"))) + "}"), structured(), id,
                new DeadLetter("NOT_JSON", VALIDATION_FAILED));
        id = id();
        add("a trailing comma inside data", customers, utf8(text(event(CUSTOMER_DELETE, id, Map.of("externalId", "x")))
                .replace("\"x\"}", "\"x\",}")), structured(), id, new DeadLetter("NOT_JSON", VALIDATION_FAILED));
        id = id();
        add("a comment inside data", customers, utf8(text(event(CUSTOMER_DELETE, id, Map.of("externalId", "x")))
                .replace("{\"externalId\"", "{/* hi */\"externalId\"")), structured(), id,
                new DeadLetter("NOT_JSON", VALIDATION_FAILED));
    }

    private static final String CUSTOMER_DELETE = "provisioning.customer.delete.v1";

    private void randomBytes() {
        category = "invalid JSON";
        for (int i = 0; i < 10; i++) {
            byte[] bytes = new byte[20 + random.nextInt(500)];
            random.nextBytes(bytes);
            bytes[0] = (byte) 0xC3; // a broken UTF-8 sequence: never JSON, whatever follows
            bytes[1] = (byte) 0x28;
            add("random bytes " + i, users, bytes, structured(), null, new DeadLetter("NOT_JSON", null));
        }
    }

    private void notUtf8() {
        category = "non-UTF-8 bytes";
        String id = id();
        add("Latin-1 text in data", customers, latin1(text(event(CUSTOMER_DELETE, id, Map.of("externalId", "K\u00f8ge")))),
                structured(), id, new DeadLetter("NOT_JSON", VALIDATION_FAILED));
        id = "id-\u00f8-" + ids++;
        add("Latin-1 text in the request id", customers, latin1(text(event(CUSTOMER_DELETE, id, Map.of("externalId", "x")))),
                structured(), null, new DeadLetter("NOT_JSON", null));
        id = id();
        add("Windows-1252 quotes in data", customers, replaceMarker(event(CUSTOMER_DELETE, id, Map.of("externalId", "@@")),
                new byte[] {(byte) 0x93, 'q', (byte) 0x94}), structured(), id, new DeadLetter("NOT_JSON", VALIDATION_FAILED));
        id = id();
        add("CESU-8 surrogate pair in data", customers, replaceMarker(event(CUSTOMER_DELETE, id, Map.of("externalId", "@@")),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8, (byte) 0x80}), structured(), id,
                new DeadLetter("NOT_JSON", VALIDATION_FAILED));
        id = id();
        add("a UTF-8-encoded lone surrogate in data", customers, replaceMarker(event(CUSTOMER_DELETE, id,
                Map.of("externalId", "@@")), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), structured(), id,
                new DeadLetter("NOT_JSON", VALIDATION_FAILED));
        id = id();
        add("a 4-byte sequence beyond U+10FFFF in a name", templates, replaceMarker(event(TEMPLATE_CREATE, id,
                Requests.template("Beyond @@ Unicode")), new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                structured(), id, refused("/templateName")); // questionable: Jackson decodes it; validation refuses it
        id = id();
        add("an overlong encoding of '/' in a name", templates, replaceMarker(event(TEMPLATE_CREATE, id,
                Requests.template("Over@@long")), new byte[] {(byte) 0xC0, (byte) 0xAF}), structured(), id,
                applied(TEMPLATE_CREATED, "/template/templateName", "Over/long")); // questionable: not UTF-8, yet read
        id = id();
        add("UTF-16 instead of UTF-8", templates, text(event(TEMPLATE_CREATE, id, Requests.template("Sixteen bits")))
                .getBytes(StandardCharsets.UTF_16BE), structured(), id, applied(TEMPLATE_CREATED, null, null)); // questionable
        id = id();
        add("a UTF-8 byte order mark", templates, utf8("\ufeff" + text(event(TEMPLATE_CREATE, id,
                Requests.template("Byte order mark")))), structured(), id, applied(TEMPLATE_CREATED, null, null));
        id = id();
        records.add(new HostileRecord(records.size(), "non-UTF-8 bytes", "a record key that is not UTF-8", templates,
                new byte[] {(byte) 0xFF, (byte) 0xFE, 'k'}, json(event(TEMPLATE_CREATE, id, Requests.template("Key not UTF-8"))),
                withCase(structured()), id, false, applied(TEMPLATE_CREATED, null, null)));
    }

    private void truncated() {
        category = "truncated JSON";
        for (int i = 0; i < 20; i++) {
            String id = id();
            String json = text(event(TEMPLATE_CREATE, id, Requests.template("Truncated " + i)));
            int dataStart = json.indexOf("\"data\"");
            int cut = dataStart + random.nextInt(json.length() - dataStart - 1);
            add("cut after the identity at " + cut + "/" + json.length(), templates, utf8(json.substring(0, cut)),
                    structured(), id, new DeadLetter("NOT_JSON", VALIDATION_FAILED));
        }
        String id = id();
        String json = text(event(TEMPLATE_CREATE, id, Requests.template("Cut right after partnerid")));
        int afterPartner = json.indexOf("\"partnerid\":\"" + partner + "\"") + ("\"partnerid\":\"" + partner + "\"").length();
        add("cut right after the partnerid value", templates, utf8(json.substring(0, afterPartner)), structured(), id,
                new DeadLetter("NOT_JSON", VALIDATION_FAILED));
        for (int i = 0; i < 6; i++) {
            String cutJson = text(event(TEMPLATE_CREATE, id(), Requests.template("Cut early")));
            int partnerStart = cutJson.indexOf("\"partnerid\"");
            int cut = 1 + random.nextInt(partnerStart + 14); // somewhere before the partnerid value is complete
            add("cut before the identity is complete at " + cut, templates, utf8(cutJson.substring(0, cut)), structured(),
                    null, new DeadLetter("NOT_JSON", null));
        }
        String inside = text(event(TEMPLATE_CREATE, id(), Requests.template("Cut inside the partner")));
        add("cut inside the partnerid string", templates, utf8(inside.substring(0, inside.indexOf(partner) + 3)),
                structured(), null, new DeadLetter("NOT_JSON", null));
    }

    private void wrongTypesOfTemplateFields() {
        category = "wrong types";
        Object[][] wrong = {
                {"templateName", 42}, {"templateName", true}, {"templateName", List.of("a")}, {"templateName", Map.of("x", 1)},
                {"templateName", null}, {"country", 45}, {"country", "dk"}, {"country", "DNK"}, {"language", 1},
                {"language", "DA"}, {"language", "da-DK"}, {"serviceProviderAdminEmail", List.of("a@b.dk")},
                {"serviceProviderAdminEmail", "not-an-email"}, {"wholesaleSubscriptionId", 7}, {"wholesaleSubscriptionId", ""},
                {"authentication", "WEBEX"}, {"authentication", List.of()}, {"pstnProvider", 5}, {"pstnProvider", ""},
                {"brandName", Map.of()}, {"brandName", ""}, {"restrictAdminInviteEmails", "yes"},
                {"restrictAdminInviteEmails", 1}, {"disableWebexCalling", "false"}, {"disableWebexCalling", null}};
        for (Object[] field : wrong) {
            Map<String, Object> data = Requests.template("Wrong " + field[0] + " " + ids);
            data.put((String) field[0], field[1]);
            request("template " + field[0] + " = " + field[1], templates, TEMPLATE_CREATE, data, refused("/" + field[0]));
        }
        Map<String, Object> kerberos = Requests.template("Kerberos");
        kerberos.put("authentication", Map.of("method", "KERBEROS"));
        request("an authentication method outside the enum", templates, TEMPLATE_CREATE, kerberos,
                refused("/authentication/method"));
        Map<String, Object> saml = Requests.template("SAML without IdP");
        saml.put("authentication", Map.of("method", "PARTNER_SAML"));
        request("PARTNER_SAML without idpEntityId", templates, TEMPLATE_CREATE, saml, refused("/authentication/idpEntityId"));
        Map<String, Object> webex = Requests.template("WEBEX with IdP");
        webex.put("authentication", Map.of("method", "WEBEX", "idpEntityId", "urn:idp"));
        request("WEBEX with an idpEntityId", templates, TEMPLATE_CREATE, webex, refused("/authentication"));
        Map<String, Object> several = Requests.template("s".repeat(81));
        several.put("country", 5);
        several.put("brandName", "");
        request("three broken fields", templates, TEMPLATE_CREATE, several,
                refused("/templateName", "/country", "/brandName"));
        Map<String, Object> nameless = Requests.template("Nameless");
        nameless.remove("templateName");
        request("templateName missing", templates, TEMPLATE_CREATE, nameless, refused("/templateName"));
        request("empty template data", templates, TEMPLATE_CREATE, Map.of(), refused("/templateName", "/country", "/language",
                "/serviceProviderAdminEmail", "/wholesaleSubscriptionId", "/brandName"));
        Map<String, Object> update = Requests.template("Update with a numeric id");
        update.put("provisioningId", 5);
        request("template update with a numeric provisioningId", templates, "provisioning.template.update.v1", update,
                refused("/provisioningId"));
        request("template delete with an array as provisioningId", templates, "provisioning.template.delete.v1",
                Map.of("provisioningId", List.of()), refused("/provisioningId"));
        request("template delete without provisioningId", templates, "provisioning.template.delete.v1", Map.of(),
                refused("/provisioningId"));
    }

    private void wrongTypesOfCustomerFields() {
        category = "wrong types";
        Object[][] wrong = {{"externalId", 5, "/externalId"}, {"externalId", "", "/externalId"},
                {"externalId", "e".repeat(65), "/externalId"}, {"provisioningId", true, "/provisioningId"},
                {"customerInfo", "x", "/customerInfo"}, {"package", "gold", "/package"}, {"package", 1, "/package"},
                {"packageLimits", Map.of("gold", 1), "/packageLimits"}, {"packageLimits", Map.of("webex_calling", -1),
                "/packageLimits/webex_calling"}, {"packageLimits", Map.of("webex_calling", 1.5), "/packageLimits/webex_calling"},
                {"packageLimits", "x", "/packageLimits"}, {"headquarters", List.of(), "/headquarters"},
                {"webexSupportedLocationConfirmed", "true", "/webexSupportedLocationConfirmed"},
                {"webexSupportedLocationConfirmed", 1, "/webexSupportedLocationConfirmed"}};
        for (Object[] field : wrong) {
            Map<String, Object> data = customer("wrong-" + ids);
            data.put((String) field[0], field[1]);
            request("customer " + field[0] + " = " + printable(String.valueOf(field[1])), customers, CUSTOMER_CREATE, data,
                    refused((String) field[2]));
        }
        Object[][] names = {{5}, {""}, {"a%b"}, {"n".repeat(81)}, {"100 % sure"}};
        for (Object[] name : names) {
            Map<String, Object> data = customer("name-" + ids);
            data.put("customerInfo", Map.of("name", name[0], "primaryEmail", "admin-" + ids + "@hostile.dk"));
            request("customer name = " + printable(String.valueOf(name[0])), customers, CUSTOMER_CREATE, data,
                    refused("/customerInfo/name"));
        }
        Map<String, Object> badEmail = customer("email-" + ids);
        badEmail.put("customerInfo", Map.of("name", "Fine", "primaryEmail", 5));
        request("customer primaryEmail = 5", customers, CUSTOMER_CREATE, badEmail, refused("/customerInfo/primaryEmail"));
        Map<String, Object> noName = customer("noname-" + ids);
        noName.put("customerInfo", Map.of("primaryEmail", "a-" + ids + "@hostile.dk"));
        request("customer name missing", customers, CUSTOMER_CREATE, noName, refused("/customerInfo/name"));
        Map<String, Object> hqNoName = customer("hq-" + ids);
        Map<String, Object> hq = new LinkedHashMap<>(Requests.location("HQ", "DK"));
        hq.remove("name");
        hqNoName.put("headquarters", hq);
        request("headquarters without a name", customers, CUSTOMER_CREATE, hqNoName, refused("/headquarters/name"));
        Map<String, Object> badCountry = customer("xx-" + ids);
        Map<String, Object> hqXx = new LinkedHashMap<>(Requests.location("HQ", "DK"));
        hqXx.put("address", Map.of("addressLine1", "Strandgade 1", "city", "Copenhagen", "zipOrPostalCode", "1401",
                "country", "XX"));
        badCountry.put("headquarters", hqXx);
        request("headquarters country XX", customers, CUSTOMER_CREATE, badCountry, refused("/headquarters/address/country"));
        Map<String, Object> badZone = customer("tz-" + ids);
        Map<String, Object> hqTz = new LinkedHashMap<>(Requests.location("HQ", "DK"));
        hqTz.put("timezone", "Not a zone!");
        badZone.put("headquarters", hqTz);
        request("headquarters timezone 'Not a zone!'", customers, CUSTOMER_CREATE, badZone, refused("/headquarters/timezone"));
        request("customer update with a numeric package", customers, "provisioning.customer.update.v1",
                Map.of("externalId", "someone", "package", 5), refused("/package"));
        request("customer update with % in the name", customers, "provisioning.customer.update.v1",
                Map.of("externalId", "someone", "customerInfo", Map.of("name", "50% off")), refused("/customerInfo/name"));
        request("customer delete with a numeric externalId", customers, CUSTOMER_DELETE, Map.of("externalId", 5),
                refused("/externalId"));
        request("customer delete without externalId", customers, CUSTOMER_DELETE, Map.of(), refused("/externalId"));
    }

    private void wrongTypesOfUsersFields() {
        category = "wrong types";
        request("users add with a numeric customerExternalId", users, USERS_ADD,
                Map.of("customerExternalId", 5, "users", List.of()), refused("/customerExternalId"));
        request("users add with users as a string", users, USERS_ADD,
                Map.of("customerExternalId", customer, "users", "x"), refused("/users"));
        request("users add with locations as an object", users, USERS_ADD,
                Map.of("customerExternalId", customer, "locations", Map.of()), refused("/locations"));
        request("users remove with no e-mails", users, "provisioning.users.remove.v1",
                Map.of("customerExternalId", customer, "emails", List.of()), refused("/emails"));
        request("users remove with a numeric e-mail", users, "provisioning.users.remove.v1",
                Map.of("customerExternalId", customer, "emails", List.of(1)), refused("/emails/0"));
        request("users remove with e-mails as a string", users, "provisioning.users.remove.v1",
                Map.of("customerExternalId", customer, "emails", "x"), refused("/emails"));
        request("users update with no users", users, "provisioning.users.update.v1",
                Map.of("customerExternalId", customer, "users", List.of()), refused("/users"));
        // Inside one user: only that user is refused (the catalogue applies users requests user by user).
        Object[][] brokenUsers = {{"firstName", 5, "/users/1/firstName"}, {"lastName", List.of(), "/users/1/lastName"},
                {"email", "nope", "/users/1/email"}, {"package", "gold", "/users/1/package"},
                {"extension", "1", "/users/1/extension"}, {"primaryPhoneNumber", "+45 32 12 34 56", "/users/1/primaryPhoneNumber"},
                {"location", "", "/users/1/location"}};
        for (Object[] broken : brokenUsers) {
            Map<String, Object> bad = user();
            bad.put((String) broken[0], broken[1]);
            request("one user with " + broken[0] + " = " + broken[1], users, USERS_ADD,
                    Map.of("customerExternalId", customer, "users", List.of(user(), bad)),
                    partial((String) broken[2]));
        }
        request("one user that is a number", users, USERS_ADD, Map.of("customerExternalId", customer,
                "users", List.of(user(), 42)), partial("/users/1"));
    }

    private void wrongEnvelopeAttributes() {
        category = "wrong types";
        Object[][] attributes = {{"specversion", "0.3"}, {"specversion", 1.0}, {"source", 5}, {"time", "yesterday"},
                {"datacontenttype", "text/plain"}, {"traceparent", "bogus"}, {"subject", "s".repeat(300)}};
        for (Object[] attribute : attributes) {
            String id = id();
            ObjectNode event = event(TEMPLATE_CREATE, id, Requests.template("Envelope " + attribute[0] + " " + id));
            event.set((String) attribute[0], RequestTopicsClient.JSON.valueToTree(attribute[1]));
            add("envelope " + attribute[0] + " = " + printable(String.valueOf(attribute[1])), templates, json(event),
                    structured(), id, new Refused(VALIDATION_FAILED, nullPointer()));
        }
        String id = id();
        ObjectNode sourceless = event(TEMPLATE_CREATE, id, Requests.template("No source"));
        sourceless.remove("source");
        add("envelope without source", templates, json(sourceless), structured(), id,
                new Refused(VALIDATION_FAILED, nullPointer()));
        for (Object data : Arrays.asList(null, List.of(1), "x", 5)) {
            id = id();
            ObjectNode event = event(TEMPLATE_CREATE, id, Map.of());
            if (data == null) {
                event.remove("data");
            } else {
                event.set("data", RequestTopicsClient.JSON.valueToTree(data));
            }
            add("data = " + (data == null ? "absent" : data), templates, json(event), structured(), id,
                    new Refused(VALIDATION_FAILED, List.of(ANY_POINTER)));
        }
    }

    private void wrongIdentityAttributes() {
        category = "wrong types";
        Object[][] broken = {{"id", 5, "NOT_A_CLOUDEVENT"}, {"id", "", "NOT_A_CLOUDEVENT"}, {"id", "nul\u0000id", "NOT_A_CLOUDEVENT"},
                {"id", "i".repeat(129), "NOT_A_CLOUDEVENT"}, {"id", List.of("a"), "NOT_A_CLOUDEVENT"},
                {"type", 5, "NOT_A_CLOUDEVENT"}, {"type", Map.of(), "NOT_A_CLOUDEVENT"},
                {"type", "provisioning.template.create.v1\n", "NOT_A_CLOUDEVENT"},
                {"partnerid", 5, "MISSING_PARTNER_ID"}, {"partnerid", Map.of("id", "p"), "MISSING_PARTNER_ID"}};
        for (Object[] attribute : broken) {
            ObjectNode event = event(TEMPLATE_CREATE, id(), Requests.template("Identity"));
            event.set((String) attribute[0], RequestTopicsClient.JSON.valueToTree(attribute[1]));
            add("identity " + attribute[0] + " = " + printable(String.valueOf(attribute[1])), templates, json(event),
                    structured(), null, new DeadLetter((String) attribute[2], null));
        }
        String longId = "L".repeat(128);
        add("a request id of exactly 128 characters", templates, json(event(TEMPLATE_CREATE, longId,
                Requests.template("Longest id"))), structured(), longId, applied(TEMPLATE_CREATED, null, null));
    }

    private void hugeStrings() {
        category = "huge strings";
        for (int length : new int[] {81, 200, 1000, 5000, 16_384}) {
            request("templateName of " + length + " characters", templates, TEMPLATE_CREATE,
                    Requests.template(String.valueOf((char) ('a' + length % 26)).repeat(length)), refused("/templateName"));
        }
        for (int length : new int[] {16_385, 20_000, 100_000}) {
            String id = id();
            add("templateName of " + length + " characters (over the intake limit)", templates,
                    json(event(TEMPLATE_CREATE, id, Requests.template("y".repeat(length)))), structured(), id,
                    new DeadLetter("TOKEN_TOO_LONG", VALIDATION_FAILED));
        }
        String id = id();
        ObjectNode source = event(TEMPLATE_CREATE, id, Requests.template("Huge source"));
        source.put("source", "urn:" + "s".repeat(20_000));
        add("a 20,000-character source", templates, json(source), structured(), id,
                new DeadLetter("TOKEN_TOO_LONG", VALIDATION_FAILED));
        id = id();
        add("a 20,000-character extension attribute before the identity", templates,
                utf8("{\"aaa\":\"" + "s".repeat(20_000) + "\"," + text(event(TEMPLATE_CREATE, id,
                        Requests.template("Huge first attribute"))).substring(1)), structured(), id,
                new DeadLetter("TOKEN_TOO_LONG", VALIDATION_FAILED));
        add("a 20,000-character request id", templates, json(event(TEMPLATE_CREATE, "i".repeat(20_000),
                Requests.template("Huge id"))), structured(), null, new DeadLetter("TOKEN_TOO_LONG", null));
        id = id();
        Map<String, Object> longName = Requests.template("Long property name");
        longName.put("p".repeat(300), 1);
        add("a 300-character property name", templates, json(event(TEMPLATE_CREATE, id, longName)), structured(), id,
                new DeadLetter("TOKEN_TOO_LONG", VALIDATION_FAILED));
        id = id();
        add("a 100-digit number", templates, utf8(text(event(TEMPLATE_CREATE, id, Requests.template("Long number")))
                .replace("\"data\":{", "\"data\":{\"n\":" + "9".repeat(100) + ",")), structured(), id,
                new DeadLetter("TOKEN_TOO_LONG", VALIDATION_FAILED));
        Map<String, Object> longCustomerName = customer("long-name-" + ids);
        longCustomerName.put("customerInfo", Map.of("name", "n".repeat(81), "primaryEmail", "long@hostile.dk"));
        request("customer name of 81 characters", customers, CUSTOMER_CREATE, longCustomerName, refused("/customerInfo/name"));
        request("customer delete with a 300-character externalId", customers, CUSTOMER_DELETE,
                Map.of("externalId", "x".repeat(300)), refused("/externalId"));
        Map<String, Object> longFirst = user();
        longFirst.put("firstName", "f".repeat(65));
        request("a user's firstName of 65 characters", users, USERS_ADD,
                Map.of("customerExternalId", customer, "users", List.of(user(), longFirst)), partial("/users/1/firstName"));
    }

    private void deepNesting() {
        category = "deep nesting";
        // The event is level 1 and data level 2, so arrays nested n deep in data.x reach level n + 2.
        for (int depth : new int[] {15, 20, 50, 100, 1000}) {
            String id = id();
            add("data.x nested " + depth + " arrays deep", templates, utf8(text(event(TEMPLATE_CREATE, id,
                    Requests.template("Deep " + depth))).replace("\"data\":{", "\"data\":{\"x\":" + "[".repeat(depth)
                    + "]".repeat(depth) + ",")), structured(), id, new DeadLetter("TOO_DEEP", VALIDATION_FAILED));
        }
        String id = id();
        add("data.x nested 30 objects deep", templates, utf8(text(event(TEMPLATE_CREATE, id, Requests.template("Deep objects")))
                .replace("\"data\":{", "\"data\":{\"x\":" + "{\"a\":".repeat(30) + "1" + "}".repeat(30) + ",")),
                structured(), id, new DeadLetter("TOO_DEEP", VALIDATION_FAILED));
        add("nesting before the identity", templates, utf8("{\"aaa\":" + "[".repeat(30) + "]".repeat(30) + ","
                + text(event(TEMPLATE_CREATE, id(), Requests.template("Deep first"))).substring(1)), structured(), null,
                new DeadLetter("TOO_DEEP", null));
        add("100,000 opening brackets", templates, utf8("[".repeat(100_000)), structured(), null,
                new DeadLetter("TOO_DEEP", null));
        id = id();
        add("data.x nested 14 arrays deep: exactly the limit of 16", templates, utf8(text(event(TEMPLATE_CREATE, id,
                Requests.template("Deep but allowed"))).replace("\"data\":{", "\"data\":{\"x\":" + "[".repeat(14)
                + "]".repeat(14) + ",")), structured(), id, applied(TEMPLATE_CREATED, null, null));
    }

    private void hugeArrays() {
        category = "huge arrays";
        List<Object> users1001 = new ArrayList<>();
        for (int u = 0; u < 1001; u++) {
            users1001.add(Requests.user("u" + u + "@huge.dk", "webex_meetings", "Copenhagen HQ", null, null));
        }
        request("1001 users", users, USERS_ADD, Map.of("customerExternalId", customer, "users", users1001),
                refused("/users"));
        List<Object> locations101 = new ArrayList<>();
        for (int l = 0; l < 101; l++) {
            locations101.add(Requests.location("Branch " + l, "DK"));
        }
        request("101 locations", users, USERS_ADD, Map.of("customerExternalId", customer, "locations", locations101),
                refused("/locations"));
        List<Object> emails = new ArrayList<>();
        for (int e = 0; e < 1001; e++) {
            emails.add("e" + e + "@huge.dk");
        }
        request("1001 e-mails to remove", users, "provisioning.users.remove.v1",
                Map.of("customerExternalId", customer, "emails", emails), refused("/emails"));
        List<Object> changes = new ArrayList<>();
        for (int c = 0; c < 1001; c++) {
            changes.add(Map.of("email", "c" + c + "@huge.dk", "package", "webex_suite"));
        }
        request("1001 user updates", users, "provisioning.users.update.v1",
                Map.of("customerExternalId", customer, "users", changes), refused("/users"));
        Map<String, Object> zeros = Requests.template("Fifty thousand zeros");
        zeros.put("junk", new int[50_000]);
        request("an unknown property holding 50,000 numbers", templates, TEMPLATE_CREATE, zeros,
                applied(TEMPLATE_CREATED, null, null));
        Map<String, Object> manyKeys = Requests.template("Forty thousand keys");
        for (int k = 0; k < 40_000; k++) {
            manyKeys.put("k" + k, k);
        }
        request("40,000 unknown properties", templates, TEMPLATE_CREATE, manyKeys, applied(TEMPLATE_CREATED, null, null));
    }

    /**
     * Records over the 1 MiB intake limit. The embedded broker keeps Kafka's default
     * {@code message.max.bytes} (1,048,588 bytes per batch), so such a record is produced gzip-compressed
     * (the broker checks the compressed batch) or, uncompressed, onto a topic whose
     * {@code max.message.bytes} the test raises first (see {@link HostileRecordsIT}).
     */
    private void oversized() {
        category = "over-size records";
        String id = id();
        add("1 MiB + 1 byte, gzip-compressed", templates, padded(event(TEMPLATE_CREATE, id,
                Requests.template("One byte too many")), ONE_MIB + 1), structured(), id, true,
                new DeadLetter("TOO_LARGE", VALIDATION_FAILED));
        id = id();
        add("exactly 1 MiB, gzip-compressed", templates, padded(event(TEMPLATE_CREATE, id, Requests.template("Exactly 1 MiB")),
                ONE_MIB), structured(), id, true, applied(TEMPLATE_CREATED, null, null));
        id = id();
        add("3 MiB, gzip-compressed", templates, padded(event(TEMPLATE_CREATE, id, Requests.template("Three MiB")),
                3 * ONE_MIB), structured(), id, true, new DeadLetter("TOO_LARGE", VALIDATION_FAILED));
        id = id();
        add("1.5 MiB uncompressed (topic max.message.bytes raised)", templates, padded(event(TEMPLATE_CREATE, id,
                Requests.template("One and a half MiB")), ONE_MIB + ONE_MIB / 2), structured(), id, false,
                new DeadLetter("TOO_LARGE", VALIDATION_FAILED));
    }

    private void controlCharacters() {
        category = "control characters";
        String[] refused = {"Nul\u0000Byte", "Bell\u0007", "Line\nBreak", "Tab\there", "Escape\u001b[31m", "Del\u007f",
                "Form\ffeed", "Vertical\u000btab", "Next line\u0085", "CSI\u009b", "\u0000"};
        for (String name : refused) {
            request("control character in templateName: " + printable(name), templates, TEMPLATE_CREATE,
                    Requests.template(name), refused("/templateName"));
        }
        Map<String, Object> nulName = customer("nul-name-" + ids);
        nulName.put("customerInfo", Map.of("name", "Fjord\u0000Bakery", "primaryEmail", "nul-" + ids + "@hostile.dk"));
        request("NUL in the customer name", customers, CUSTOMER_CREATE, nulName, refused("/customerInfo/name"));
        Map<String, Object> nulUser = user();
        nulUser.put("firstName", "Nul\u0000");
        request("NUL in a user's firstName", users, USERS_ADD, Map.of("customerExternalId", customer,
                "users", List.of(user(), nulUser)), partial("/users/1/firstName"));
        String id = id();
        add("a raw (unescaped) NUL byte inside a string", templates, replaceMarker(event(TEMPLATE_CREATE, id,
                Requests.template("Raw@@Nul")), new byte[] {0}), structured(), id, new DeadLetter("NOT_JSON", VALIDATION_FAILED));
        id = id();
        add("a raw (unescaped) line feed inside a string", templates, replaceMarker(event(TEMPLATE_CREATE, id,
                Requests.template("Raw@@Newline")), new byte[] {'\n'}), structured(), id,
                new DeadLetter("NOT_JSON", VALIDATION_FAILED));
    }

    private void oddUnicode() {
        category = "odd Unicode";
        for (String escaped : List.of("Lone \\ud800 high", "Lone \\udc00 low", "Reversed \\udc00\\ud800 pair", "Ends high \\ud83d")) {
            String id = id();
            String json = text(event(TEMPLATE_CREATE, id, Requests.template("SURROGATE"))).replace("SURROGATE", escaped);
            add("unpaired surrogate: " + escaped, templates, utf8(json), structured(), id, refused("/templateName"));
        }
        String emoji = "\uD83D\uDE00";
        String[] accepted = {"Bager \uD83E\uDD50 ApS", "\u200f\u05e9\u05dc\u05d5\u05dd RTL mark", "\u202eexe.evil RLO",
                "Zoe\u0308 Cafe\u0301", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 family", "\u65e5\u672c\u8a9e\u306e\u4f1a\u793e",
                "\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac", "Line\u2028separator", "Zero\u200bwidth", "Mid\ufeffBOM",
                emoji.repeat(80), "Z" + "\u0301".repeat(79), "   "};
        for (String name : accepted) {
            request("odd but valid Unicode: " + printable(name), templates, TEMPLATE_CREATE, Requests.template(name),
                    applied(TEMPLATE_CREATED, "/template/templateName", name));
        }
        request("81 emoji (162 UTF-16 units, 81 characters)", templates, TEMPLATE_CREATE, Requests.template(emoji.repeat(81)),
                refused("/templateName"));
    }

    static final List<String> SQL_TEMPLATE_NAMES = List.of("'; drop table customer; --", "Robert'); DROP TABLE subscriber;--",
            "1 OR 1=1", "$$; delete from template; $$", "\\'; truncate outbox; --", "%' OR '%'='", "x\"; drop table request_log; --");
    static final String SQL_CUSTOMER_NAME = "x'); drop table customer; --";
    static final String SQL_EXTERNAL_ID = "ext'; delete from customer where ''='";
    static final String SQL_FIRST_NAME = "Robert'); DROP TABLE subscriber;--";

    private void sqlFragments() {
        category = "SQL fragments";
        for (String name : SQL_TEMPLATE_NAMES) {
            request("SQL in a template name: " + name, templates, TEMPLATE_CREATE, Requests.template(name),
                    applied(TEMPLATE_CREATED, "/template/templateName", name));
        }
        Map<String, Object> sqlCustomer = Requests.customer(SQL_EXTERNAL_ID, provisioningId, "sql@hostile.dk");
        sqlCustomer.put("customerInfo", Map.of("name", SQL_CUSTOMER_NAME, "primaryEmail", "sql@hostile.dk"));
        request("SQL in a customer's name and externalId", customers, CUSTOMER_CREATE, sqlCustomer,
                applied(CUSTOMER_PROVISIONED, "/name", SQL_CUSTOMER_NAME));
        Map<String, Object> sqlUser = user();
        sqlUser.put("firstName", SQL_FIRST_NAME);
        sqlUser.put("lastName", "'; drop table location; --");
        request("SQL in a user's names", users, USERS_ADD, Map.of("customerExternalId", customer, "users", List.of(sqlUser)),
                new Applied(USERS_PROVISIONED, "SUCCEEDED", List.of(), null, null));
    }

    private void duplicateKeys() {
        category = "duplicate keys";
        for (int i = 0; i < 3; i++) {
            String id = id();
            add("a key repeated in data " + i, customers, utf8(envelopeJson(id, partner, CUSTOMER_DELETE,
                    "{\"externalId\":\"a\",\"externalId\":\"b\"}")), structured(), id, new DeadLetter("DUPLICATE_KEY", VALIDATION_FAILED));
        }
        String id = id();
        add("a key repeated deep inside data", customers, utf8(envelopeJson(id, partner, CUSTOMER_DELETE,
                "{\"externalId\":\"a\",\"z\":{\"y\":[{\"k\":1,\"k\":1}]}}")), structured(), id,
                new DeadLetter("DUPLICATE_KEY", VALIDATION_FAILED));
        add("two different request ids", customers, utf8("{\"specversion\":\"1.0\",\"id\":\"dup-a\",\"id\":\"dup-b\","
                + "\"source\":\"urn:t\",\"type\":\"" + CUSTOMER_DELETE + "\",\"partnerid\":\"" + partner + "\",\"data\":{}}"),
                structured(), null, new DeadLetter("DUPLICATE_KEY", null));
        add("the same request id twice", customers, utf8("{\"specversion\":\"1.0\",\"id\":\"dup-c\",\"id\":\"dup-c\","
                + "\"source\":\"urn:t\",\"type\":\"" + CUSTOMER_DELETE + "\",\"partnerid\":\"" + partner + "\",\"data\":{}}"),
                structured(), null, new DeadLetter("DUPLICATE_KEY", null));
        add("partnerid twice", customers, utf8("{\"specversion\":\"1.0\",\"id\":\"" + id() + "\",\"source\":\"urn:t\","
                + "\"type\":\"" + CUSTOMER_DELETE + "\",\"partnerid\":\"" + partner + "\",\"partnerid\":\"other\",\"data\":{}}"),
                structured(), null, new DeadLetter("DUPLICATE_KEY", null));
        id = id();
        add("source twice", customers, utf8("{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"urn:a\","
                + "\"source\":\"urn:b\",\"type\":\"" + CUSTOMER_DELETE + "\",\"partnerid\":\"" + partner + "\",\"data\":{}}"),
                structured(), id, new DeadLetter("DUPLICATE_KEY", VALIDATION_FAILED));
    }

    private void lyingBinaryHeaders() {
        category = "lying headers";
        for (int i = 0; i < 3; i++) {
            String headerId = id();
            // ce_* headers say binary mode, so the whole structured event is taken as data: it lacks every template field.
            add("binary headers over a structured body " + i, templates, json(event(TEMPLATE_CREATE, id(),
                    Requests.template("Lie " + i))), binary(headerId, partner, TEMPLATE_CREATE, "application/json"), headerId,
                    refused("/templateName", "/country", "/language", "/serviceProviderAdminEmail", "/wholesaleSubscriptionId",
                            "/brandName"));
        }
        for (int i = 0; i < 2; i++) {
            String bodyId = id();
            // content-type says structured: the ce_* headers (with another id) are ignored.
            add("structured content type with ce_* headers naming another id " + i, templates,
                    json(event(TEMPLATE_CREATE, bodyId, Requests.template("Structured wins " + i))),
                    binary("ignored-" + bodyId, partner, TEMPLATE_CREATE, STRUCTURED), bodyId,
                    applied(TEMPLATE_CREATED, null, null));
        }
        for (int i = 0; i < 3; i++) {
            String id = id();
            add("binary headers with a body that is not JSON " + i, templates, utf8("not json " + i),
                    binary(id, partner, TEMPLATE_CREATE, "application/json"), id, new DeadLetter("NOT_JSON", VALIDATION_FAILED));
        }
        for (int i = 0; i < 2; i++) {
            add("binary headers without ce_partnerid " + i, templates, json(Requests.template("No partner " + i)),
                    binary(id(), null, TEMPLATE_CREATE, "application/json"), null, new DeadLetter("MISSING_PARTNER_ID", null));
        }
        add("binary headers without ce_partnerid, body not JSON", templates, utf8("{oops"),
                binary(id(), null, TEMPLATE_CREATE, "application/json"), null, new DeadLetter("NOT_JSON", null));
        add("binary headers without ce_id", templates, json(Requests.template("No id")),
                binary(null, partner, TEMPLATE_CREATE, "application/json"), null, new DeadLetter("NOT_A_CLOUDEVENT", null));
        add("binary ce_partnerid with a NUL", templates, json(Requests.template("NUL partner")),
                binary(id(), "p\u0000", TEMPLATE_CREATE, "application/json"), null, new DeadLetter("NOT_A_CLOUDEVENT", null));
        String id = id();
        add("content-type application/avro over a structured body", templates, json(event(TEMPLATE_CREATE, id,
                Requests.template("Avro"))), List.of(Header.of("content-type", "application/avro")), id,
                new DeadLetter("UNSUPPORTED_CONTENT_TYPE", VALIDATION_FAILED));
        id = id();
        add("content-type text/plain with ce_* headers", templates, json(Requests.template("Plain text")),
                binary(id, partner, TEMPLATE_CREATE, "text/plain"), id, new DeadLetter("UNSUPPORTED_CONTENT_TYPE", VALIDATION_FAILED));
        id = id();
        add("a content-type that is not UTF-8", templates, json(event(TEMPLATE_CREATE, id, Requests.template("Bad header"))),
                List.of(new Header("content-type", new byte[] {(byte) 0xFF, (byte) 0xFE})), id,
                new DeadLetter("UNSUPPORTED_CONTENT_TYPE", VALIDATION_FAILED));
        add("application/cloudevents-batch+json", templates, utf8("[" + text(event(TEMPLATE_CREATE, id(),
                Requests.template("Batch"))) + "]"), List.of(Header.of("content-type", "application/cloudevents-batch+json")),
                null, new DeadLetter("NOT_A_CLOUDEVENT", null));
        // Header names are matched without regard to case throughout: CE_PARTNERID is the partner.
        id = id();
        add("upper-case CE_* headers", templates, json(Requests.template("Upper case headers")),
                List.of(Header.of("CE_SPECVERSION", "1.0"), Header.of("CE_ID", id), Header.of("CE_SOURCE", "urn:t"),
                        Header.of("CE_TYPE", TEMPLATE_CREATE), Header.of("CE_PARTNERID", partner),
                        Header.of("content-type", "application/json")), id, applied(TEMPLATE_CREATED, null, null));
        id = id();
        add("binary body null", templates, utf8("null"), binary(id, partner, TEMPLATE_CREATE, "application/json"), id,
                new Refused(VALIDATION_FAILED, List.of(ANY_POINTER)));
        id = id();
        add("binary body an array", templates, utf8("[1]"), binary(id, partner, TEMPLATE_CREATE, "application/json"), id,
                new Refused(VALIDATION_FAILED, List.of(ANY_POINTER)));
        id = id();
        add("binary mode, honest (control)", templates, json(Requests.template("Honest binary")),
                binary(id, partner, TEMPLATE_CREATE, "application/json"), id, applied(TEMPLATE_CREATED, null, null));
        id = id();
        add("binary mode without content-type", templates, json(Requests.template("Binary without content type")),
                binary(id, partner, TEMPLATE_CREATE, null), id, applied(TEMPLATE_CREATED, null, null));
        String first = id();
        String last = id();
        List<Header> twoIds = new ArrayList<>(binary(first, partner, TEMPLATE_CREATE, "application/json"));
        twoIds.add(Header.of("ce_id", last));
        // Questionable: two ce_id headers are not treated as ambiguous (as a repeated "id" in JSON is); the last wins.
        add("two ce_id headers", templates, json(Requests.template("Two ids")), twoIds, last,
                applied(TEMPLATE_CREATED, null, null));
    }

    private void unknownTypes() {
        category = "unknown types";
        String[] types = {"provisioning.customer.rename.v1", "provisioning.template.create.v2", "PROVISIONING.TEMPLATE.CREATE.V1",
                "provisioning.template.create.v1 ", "com.example.other", "provisioning.users.add",
                "provisioning.template.created.v1", "provisioning.request.rejected.v1", "t".repeat(256), "x\u200b"};
        for (String type : types) {
            request("unknown type " + printable(type), templates, type, Requests.template("Unknown"),
                    new Refused("UNSUPPORTED_TYPE", nullPointer()));
        }
        for (String type : new String[] {"", "t".repeat(257), "provisioning.template.create.v1\u0000"}) {
            ObjectNode event = event(TEMPLATE_CREATE, id(), Requests.template("Bad type"));
            event.put("type", type);
            add("type = " + printable(type), templates, json(event), structured(), null, new DeadLetter("NOT_A_CLOUDEVENT", null));
        }
        // The worker reads the type, not the topic: a template request on the users topic is still a template request.
        request("a template request on the users topic", users, TEMPLATE_CREATE, Requests.template("Wrong topic"),
                applied(TEMPLATE_CREATED, null, null));
    }

    private void missingPartners() {
        category = "missing partnerid";
        for (Object partnerId : Arrays.asList("<absent>", null, "", "   ", "p".repeat(129), "p\u0001")) {
            ObjectNode event = event(TEMPLATE_CREATE, id(), Requests.template("Orphan"));
            event.remove("partnerid");
            if (!"<absent>".equals(partnerId)) {
                event.put("partnerid", (String) partnerId);
            }
            String reason = partnerId == null || "<absent>".equals(partnerId) ? "MISSING_PARTNER_ID" : "NOT_A_CLOUDEVENT";
            add("partnerid = " + printable(String.valueOf(partnerId)), templates, json(event), structured(), null,
                    new DeadLetter(reason, null));
        }
        String id = id();
        ObjectNode longest = RequestTopicsClient.event(TEMPLATE_CREATE, "P".repeat(128), id, Requests.template("Longest partner"));
        add("a partnerid of exactly 128 characters", templates, json(longest), structured(), id,
                applied(TEMPLATE_CREATED, null, null));
    }

    private void emptyValues() {
        category = "empty and null values";
        add("empty value", customers, new byte[0], structured(), null, new DeadLetter("NOT_JSON", null));
        add("null value (tombstone)", customers, null, structured(), null, new DeadLetter("NOT_JSON", null));
        records.add(new HostileRecord(records.size(), category, "null value and null key", customers, null, null,
                withCase(List.of()), null, false, new DeadLetter("NOT_JSON", null)));
        add("a single NUL byte", customers, new byte[] {0}, structured(), null, new DeadLetter("NOT_JSON", null));
    }

    /** Pairs share a record key, so they share a partition and are read in the order sent. */
    private void idempotencyOfHostileRecords() {
        category = "idempotency";
        byte[] key = utf8(partner + "/reused");
        String reused = id();
        addKeyed("a valid request ...", templates, key, json(event(TEMPLATE_CREATE, reused, Requests.template("Reused id"))),
                reused, applied(TEMPLATE_CREATED, null, null));
        String json = text(event(TEMPLATE_CREATE, reused, Requests.template("Reused id, truncated")));
        addKeyed("... then an unreadable record with its id", templates, key, utf8(json.substring(0, json.length() - 10)),
                reused, new DeadLetter("NOT_JSON", "IDEMPOTENCY_KEY_REUSED"));
        key = utf8(partner + "/twice");
        String twice = id();
        String cut = text(event(TEMPLATE_CREATE, twice, Requests.template("Sent twice"))).substring(0, 200);
        addKeyed("an unreadable record ...", templates, key, utf8(cut), twice, new DeadLetter("NOT_JSON", VALIDATION_FAILED));
        addKeyed("... sent again: dead-lettered again, refused once", templates, key, utf8(cut), twice,
                new DeadLetter("NOT_JSON", null));
        key = utf8(partner + "/invalid-twice");
        String invalid = id();
        byte[] invalidTemplate = json(event(TEMPLATE_CREATE, invalid, Requests.template("")));
        addKeyed("an invalid request ...", templates, key, invalidTemplate, invalid, refused("/templateName"));
        addKeyed("... sent again: refused once", templates, key, invalidTemplate, invalid, new NoResult());
    }

    private void addKeyed(String name, String topic, byte[] key, byte[] value, String requestId, Expect expect) {
        records.add(new HostileRecord(records.size(), category, name, topic, key, value, withCase(structured()), requestId,
                false, expect));
    }

    private void keysAndSubjects() {
        category = "keys and subjects";
        String id = id();
        records.add(new HostileRecord(records.size(), category, "no record key, NUL in the externalId", customers, null,
                json(event(CUSTOMER_DELETE, id, Map.of("externalId", "nul\u0000id"))), withCase(structured()), id, false,
                refused("/externalId")));
        request("a record key, NUL in the externalId", customers, CUSTOMER_DELETE, Map.of("externalId", "key\u0000id"),
                refused("/externalId"));
        id = id();
        records.add(new HostileRecord(records.size(), category, "no record key, valid template", templates, null,
                json(event(TEMPLATE_CREATE, id, Requests.template("No key"))), withCase(structured()), id, false,
                applied(TEMPLATE_CREATED, null, null)));
    }

    // ---------------------------------------------------------------------------------------------

    private Map<String, Object> customer(String externalId) {
        return Requests.customer(externalId, provisioningId, externalId + "@customers.hostile.dk");
    }

    private Map<String, Object> user() {
        return Requests.user("user-" + (ids++) + "@users.hostile.dk", "webex_meetings", "Copenhagen HQ", null, null);
    }

    private void request(String name, String topic, String type, Object data, Expect expect) {
        String id = id();
        add(name, topic, json(event(type, id, data)), structured(), id, expect);
    }

    private void add(String name, String topic, byte[] value, List<Header> headers, String requestId, Expect expect) {
        add(name, topic, value, headers, requestId, false, expect);
    }

    private void add(String name, String topic, byte[] value, List<Header> headers, String requestId, boolean compressed,
                     Expect expect) {
        records.add(new HostileRecord(records.size(), category, name, topic, utf8(partner + "/hostile-" + records.size()),
                value, withCase(headers), requestId, compressed, expect));
    }

    /** Every record carries its index, which its dead letter keeps: that is how a dead letter is matched to its record. */
    private List<Header> withCase(List<Header> headers) {
        List<Header> all = new ArrayList<>(headers);
        all.add(Header.of(HostileRecordsIT.CASE_HEADER, Integer.toString(records.size())));
        return all;
    }

    private ObjectNode event(String type, String id, Object data) {
        return RequestTopicsClient.event(type, partner, id, data);
    }

    private String id() {
        return "hr-" + (ids++);
    }

    private static Refused refused(String... pointers) {
        return new Refused(VALIDATION_FAILED, List.of(pointers));
    }

    private static List<String> nullPointer() {
        return Arrays.asList((String) null);
    }

    private static Applied applied(String type, String echoPointer, String echoValue) {
        return new Applied(type, "SUCCEEDED", List.of(), echoPointer, echoValue);
    }

    private static Applied partial(String pointer) {
        return new Applied(USERS_PROVISIONED, "PARTIALLY_SUCCEEDED", List.of(pointer), null, null);
    }

    private static List<Header> structured() {
        return List.of(Header.of("content-type", STRUCTURED));
    }

    private static List<Header> binary(String id, String partnerId, String type, String contentType) {
        List<Header> headers = new ArrayList<>();
        headers.add(Header.of("ce_specversion", "1.0"));
        if (id != null) {
            headers.add(Header.of("ce_id", id));
        }
        headers.add(Header.of("ce_source", "urn:test:binary"));
        headers.add(Header.of("ce_type", type));
        if (partnerId != null) {
            headers.add(Header.of("ce_partnerid", partnerId));
        }
        if (contentType != null) {
            headers.add(Header.of("content-type", contentType));
        }
        return headers;
    }

    private static String envelopeJson(String id, String partnerId, String type, String dataJson) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"urn:t\",\"type\":\"" + type
                + "\",\"partnerid\":\"" + partnerId + "\",\"data\":" + dataJson + "}";
    }

    /** The event as JSON with the text "@@" (inside a string) replaced by raw bytes. */
    private static byte[] replaceMarker(ObjectNode event, byte[] replacement) {
        byte[] json = json(event);
        String latin = new String(json, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf("@@");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(json, 0, at);
        out.write(replacement, 0, replacement.length);
        out.write(json, at + 2, json.length - at - 2);
        return out.toByteArray();
    }

    /**
     * The event with an unknown property {@code padding} (an array of short strings, so that no string
     * breaks the intake's string limit) making the JSON exactly {@code size} bytes long.
     */
    static byte[] padded(ObjectNode event, int size) {
        ObjectNode data = (ObjectNode) event.get("data");
        data.putArray("padding");
        int base = json(event).length; // with "padding":[]
        int remaining = size - base;
        StringBuilder padding = new StringBuilder();
        while (remaining > 0) {
            // each element: "," (except the first) + quotes + text
            int overhead = (padding.length() == 0 ? 0 : 1) + 2;
            int length = remaining - overhead <= 8_000 ? remaining - overhead
                    : remaining - overhead - 8_000 < 3 ? 7_997 : 8_000; // leave room for one more element
            if (length < 0) {
                throw new IllegalStateException("cannot pad to exactly " + size);
            }
            if (padding.length() > 0) {
                padding.append(',');
            }
            padding.append('"').append("p".repeat(length)).append('"');
            remaining -= overhead + length;
        }
        String text = text(event).replace("\"padding\":[]", "\"padding\":[" + padding + "]");
        byte[] bytes = utf8(text);
        if (bytes.length != size) {
            throw new IllegalStateException("padded to " + bytes.length + " bytes, not " + size);
        }
        return bytes;
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> {
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 40 ? out + "...(" + text.length() + " chars)" : out.toString();
    }

    private static String text(ObjectNode event) {
        return RequestTopicsClient.JSON.writeValueAsString(event);
    }

    private static byte[] json(Object value) {
        return RequestTopicsClient.JSON.writeValueAsBytes(value);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
