package dev.wholesale.provisioning.worker.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.wholesale.provisioning.contracts.validation.SchemaValidator;
import dev.wholesale.provisioning.contracts.intake.DecodedRecord;
import dev.wholesale.provisioning.contracts.intake.IntakeLimits;
import dev.wholesale.provisioning.contracts.intake.RecordDecoder;
import dev.wholesale.provisioning.contracts.intake.RecordOrigin;
import dev.wholesale.provisioning.worker.request.RequestValidator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * No record within the intake limits (1 MiB, strings of up to 16,384 characters) costs more than
 * 100 ms of CPU to decode and validate: a record that costs more holds its partition for as long,
 * and a sender can send many. Each case is a real request whose every string is the kind of
 * string that makes a matcher or parser of that field work hardest.
 */
class WorstCaseRecordsCpuTest {

    private static final long BUDGET_NANOS = 100_000_000;
    /**
     * Until the JIT has compiled the validation: cold, users.add of 1000 users took 400 ms, 115 ms
     * in its third to ninth round, 26 ms in its twentieth and 16 ms from the fortieth on. A worker
     * that has run for a while is in that state; a hostile sender cannot make it leave it.
     */
    private static final int WARM_UP_ROUNDS = 20;
    private static final int MEASURED_ROUNDS = 5;
    private static final int LONGEST = IntakeLimits.DEFAULTS.maxStringLength();
    private static final long LARGEST = IntakeLimits.DEFAULTS.maxValueBytes();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final RecordDecoder DECODER = new RecordDecoder(IntakeLimits.DEFAULTS);
    private static final RequestValidator VALIDATOR = new RequestValidator(SchemaValidator.forRequests());

    private static final String USER = """
            {"email":"anna.hansen@fjord-bakery.dk","firstName":"Anna","lastName":"Hansen","package":"webex_calling",
             "location":"Copenhagen HQ","primaryPhoneNumber":"+4532123456","extension":"1001"}""";
    private static final String LOCATION = """
            {"name":"Aarhus Branch","address":{"addressLine1":"Åboulevarden 12","addressLine2":"2. sal","city":"Aarhus C",
             "stateOrProvince":"Midtjylland","zipOrPostalCode":"8000","country":"DK"},"timezone":"Europe/Copenhagen",
             "language":"da_DK","emergencyLocationIdentifier":"ELIN-8000-12"}""";
    private static final String CUSTOMER = """
            {"externalId":"cust-1001","provisioningId":"01a20d91-ed8b-70b2-a1c1-42f133044715",
             "customerInfo":{"name":"Fjord Bakery ApS","primaryEmail":"it@fjord-bakery.dk","language":"da_DK"},
             "package":"webex_calling","packageLimits":{"webex_calling":50},
             "headquarters":""" + LOCATION + """
            ,"webexSupportedLocationConfirmed":true}""";
    private static final String TEMPLATE = """
            {"templateName":"Nordic Enterprise SAML","country":"DK","language":"da_DK",
             "serviceProviderAdminEmail":"provisioning@acme-telecom.dk","wholesaleSubscriptionId":"sub-7781",
             "authentication":{"method":"PARTNER_SAML","idpEntityId":"https://idp.acme-telecom.dk/saml/metadata"},
             "pstnProvider":"Acme PSTN","brandName":"Acme Cloud Office Enterprise"}""";

    private static final List<WorstCase> CASES = List.of(
            new WorstCase("users.add: 1000 users, every field hostile", structured("provisioning.users.add.v1",
                    hostile(usersAdd(1000, 100), fittingLength(length -> hostile(usersAdd(1000, 100), length))))),
            new WorstCase("users.add: e-mails of 16,384 characters, as many as fit", structured("provisioning.users.add.v1",
                    usersAddWithHostileEmails())),
            new WorstCase("users.add: 100 locations and 100 users, every field hostile", structured("provisioning.users.add.v1",
                    hostile(usersAdd(100, 100), fittingLength(length -> hostile(usersAdd(100, 100), length))))),
            new WorstCase("users.update: 1000 users, every field hostile", structured("provisioning.users.update.v1",
                    hostile(usersUpdate(), fittingLength(length -> hostile(usersUpdate(), length))))),
            new WorstCase("users.remove: 1000 hostile e-mails", structured("provisioning.users.remove.v1",
                    hostile(usersRemove(), fittingLength(length -> hostile(usersRemove(), length))))),
            new WorstCase("customer.create: every field of 16,384 hostile characters",
                    structured("provisioning.customer.create.v1", hostile(object(CUSTOMER), LONGEST))),
            new WorstCase("template.create: every field of 16,384 hostile characters",
                    structured("provisioning.template.create.v1", hostile(object(TEMPLATE), LONGEST))),
            new WorstCase("customer.create with every envelope attribute hostile", hostileAttributes()),
            new WorstCase("customer.create in binary mode: hostile ce_ headers and data", binary()));

    @BeforeAll
    static void warmUp() {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            CASES.forEach(WorstCase::decodeAndValidate);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyWorstCaseRecordIsDecodedAndValidatedInUnderOneHundredMillisecondsOfCpu() {
        return CASES.stream().map(worstCase -> DynamicTest.dynamicTest(worstCase.name(), () -> {
            assertThat((long) worstCase.origin().size()).isLessThanOrEqualTo(LARGEST);
            assertThat(worstCase.decodeAndValidate()).as("readable, so it is validated").isTrue();

            long cpu = worstCase.medianCpuNanos();

            assertThat(cpu).as("%s: %.1f ms of CPU", worstCase.name(), cpu / 1e6).isLessThan(BUDGET_NANOS);
        }));
    }

    record WorstCase(String name, RecordOrigin origin) {

        /** True if the record was readable and therefore validated. */
        boolean decodeAndValidate() {
            DecodedRecord decoded = DECODER.decode(origin);
            if (decoded instanceof DecodedRecord.Event event) {
                VALIDATOR.validate(event);
                return true;
            }
            return false;
        }

        long medianCpuNanos() {
            long[] cpu = new long[MEASURED_ROUNDS];
            for (int i = 0; i < cpu.length; i++) {
                long start = CPU.getCurrentThreadCpuTime();
                decodeAndValidate();
                cpu[i] = CPU.getCurrentThreadCpuTime() - start;
            }
            Arrays.sort(cpu);
            return cpu[cpu.length / 2];
        }

        @Override
        public String toString() {
            return name;
        }
    }

    // --- hostile strings ------------------------------------------------------------------------

    /**
     * The string that makes the check of {@code field} work hardest, as far as the pattern tests
     * found: a valid start, a repeated fragment, and an end that fails only at the last character.
     */
    static String hostileString(String field, int length) {
        String lower = field.toLowerCase();
        if (lower.contains("mail")) {
            return filled("x@", "a.", "@", length);
        }
        if (lower.contains("phone")) {
            return filled("+45", "1 ", "!", length);
        }
        if (lower.equals("extension")) {
            return filled("", "0", "!", length);
        }
        if (lower.equals("timezone")) {
            return filled("Europe/", "a-", "!", length);
        }
        if (lower.equals("time")) {
            return filled("2026-11-24T09:00:00.", "0", "@", length);
        }
        if (lower.equals("source") || lower.equals("idpentityid")) {
            return filled("urn:", "a.", " @@", length);
        }
        if (lower.equals("traceparent") || lower.equals("provisioningid")) {
            return filled("00-", "0", "-!", length);
        }
        if (lower.equals("language")) {
            return filled("da_", "D", "!", length);
        }
        if (lower.equals("name")) {
            return filled("", "a %", "%", length);
        }
        return filled("", "a.-_/+@0 ~", "\u0001", length);
    }

    private static String filled(String start, String fragment, String end, int length) {
        int repeats = Math.max(1, (length - start.length() - end.length()) / fragment.length());
        return start + fragment.repeat(repeats) + end;
    }

    /** {@code node} with every string value replaced by the hostile string of its field. */
    private static JsonNode hostile(JsonNode node, int length) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                JsonNode value = property.getValue();
                copy.set(property.getKey(), value.isString()
                        ? copy.stringNode(hostileString(property.getKey(), length))
                        : hostile(value, length));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            // An array of strings is a list of e-mails (users.remove).
            array.forEach(element -> copy.add(element.isString()
                    ? copy.stringNode(hostileString("email", length)) : hostile(element, length)));
            return copy;
        }
        return node;
    }

    /** The longest string length at which the data still fits into a record of the largest size. */
    private static int fittingLength(IntFunction<JsonNode> dataOfLength) {
        // The size grows linearly with the length of the strings: solve, then step down past rounding.
        long atHundred = sizeOf(dataOfLength.apply(100));
        long perCharacter = Math.max(1, (sizeOf(dataOfLength.apply(200)) - atHundred) / 100);
        int length = (int) Math.min(LONGEST, 100 + (LARGEST - atHundred) / perCharacter);
        while (length > 8 && sizeOf(dataOfLength.apply(length)) > LARGEST) {
            length = length * 99 / 100;
        }
        return length;
    }

    private static long sizeOf(JsonNode data) {
        return structured("provisioning.users.add.v1", data).size();
    }

    // --- requests -------------------------------------------------------------------------------

    private static ObjectNode usersAdd(int users, int locations) {
        ObjectNode data = JSON.createObjectNode().put("customerExternalId", "cust-1001");
        ArrayNode locationArray = data.putArray("locations");
        for (int i = 0; i < locations; i++) {
            locationArray.add(object(LOCATION));
        }
        ArrayNode userArray = data.putArray("users");
        for (int i = 0; i < users; i++) {
            userArray.add(object(USER));
        }
        return data;
    }

    private static JsonNode usersAddWithHostileEmails() {
        ObjectNode data = usersAdd(0, 0);
        ArrayNode users = (ArrayNode) data.get("users");
        ObjectNode user = object(USER).put("email", hostileString("email", LONGEST));
        while (structured("provisioning.users.add.v1", data).size() + LONGEST + USER.length() < LARGEST) {
            users.add(user.deepCopy());
        }
        return data;
    }

    private static ObjectNode usersUpdate() {
        ObjectNode data = JSON.createObjectNode().put("customerExternalId", "cust-1001");
        ArrayNode users = data.putArray("users");
        for (int i = 0; i < 1000; i++) {
            users.add(JSON.createObjectNode().put("email", "bo@fjord-bakery.dk").put("package", "webex_calling")
                    .put("location", "Copenhagen HQ").put("primaryPhoneNumber", "+4532123456").put("extension", "1001"));
        }
        return data;
    }

    private static ObjectNode usersRemove() {
        ObjectNode data = JSON.createObjectNode().put("customerExternalId", "cust-1001");
        ArrayNode emails = data.putArray("emails");
        for (int i = 0; i < 1000; i++) {
            emails.add("bo@fjord-bakery.dk");
        }
        return data;
    }

    private static ObjectNode envelope(String type, JsonNode data) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", "r-hostile")
                .put("source", "urn:acme:ordering").put("type", type).put("partnerid", "partner-acme")
                .put("datacontenttype", "application/json");
        event.set("data", data);
        return event;
    }

    private static RecordOrigin structured(String type, JsonNode data) {
        return origin(JSON.writeValueAsBytes(envelope(type, data)), List.of(
                new RecordOrigin.Header("content-type", bytes("application/cloudevents+json"))));
    }

    /** Every attribute the decoder does not need to read the record is hostile; id, type and partnerid must stay readable. */
    private static RecordOrigin hostileAttributes() {
        ObjectNode event = envelope("provisioning.customer.create.v1", hostile(object(CUSTOMER), LONGEST));
        for (String attribute : List.of("source", "subject", "time", "traceparent", "specversion", "datacontenttype")) {
            event.put(attribute, hostileString(attribute, LONGEST));
        }
        event.put("comexampleextension", hostileString("extension", LONGEST));
        return origin(JSON.writeValueAsBytes(event), List.of());
    }

    private static RecordOrigin binary() {
        List<RecordOrigin.Header> headers = new ArrayList<>();
        headers.add(new RecordOrigin.Header("ce_specversion", bytes("1.0")));
        headers.add(new RecordOrigin.Header("ce_id", bytes("r-hostile")));
        headers.add(new RecordOrigin.Header("ce_type", bytes("provisioning.customer.create.v1")));
        headers.add(new RecordOrigin.Header("ce_partnerid", bytes("partner-acme")));
        // Together as long as the header limit allows (a record over it is set aside unread).
        int each = (IntakeLimits.DEFAULTS.maxHeaderBytes() - 1024) / 4;
        for (String attribute : List.of("source", "subject", "time", "traceparent")) {
            headers.add(new RecordOrigin.Header("ce_" + attribute, bytes(hostileString(attribute, each))));
        }
        headers.add(new RecordOrigin.Header("content-type", bytes("application/json")));
        return origin(JSON.writeValueAsBytes(hostile(object(CUSTOMER), LONGEST)), headers);
    }

    private static RecordOrigin origin(byte[] value, List<RecordOrigin.Header> headers) {
        return RecordOrigin.of("provisioning.user-requests.v1", 0, 1, "partner-acme/cust-1001", headers, value);
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
