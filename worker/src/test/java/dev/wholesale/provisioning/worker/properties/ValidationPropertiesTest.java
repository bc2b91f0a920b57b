package dev.wholesale.provisioning.worker.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.validation.SchemaValidator;
import dev.wholesale.provisioning.worker.Requests;
import dev.wholesale.provisioning.contracts.intake.DecodedRecord;
import dev.wholesale.provisioning.contracts.intake.IntakeLimits;
import dev.wholesale.provisioning.contracts.intake.RecordDecoder;
import dev.wholesale.provisioning.contracts.intake.RecordOrigin;
import dev.wholesale.provisioning.worker.request.RequestValidator;
import dev.wholesale.provisioning.worker.request.Validation;
import dev.wholesale.provisioning.worker.subscriber.PhoneNumbers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The worker's validation ({@link RequestValidator} over the published schemas) for generated input
 * around the schema limits and for arbitrary JSON: it accepts exactly what the schema says, points
 * every error at a field that was sent (or at the required field that was not), reports a field at
 * most once, and never throws. Plain unit level: no Spring, Kafka or database.
 */
class ValidationPropertiesTest {

    private static final RecordDecoder DECODER = new RecordDecoder(IntakeLimits.DEFAULTS);
    private static final RequestValidator VALIDATOR = new RequestValidator(SchemaValidator.forRequests());
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    static final List<String> TYPES = List.of("provisioning.template.create.v1", "provisioning.template.update.v1",
            "provisioning.template.delete.v1", "provisioning.customer.create.v1", "provisioning.customer.update.v1",
            "provisioning.customer.delete.v1", "provisioning.users.add.v1", "provisioning.users.update.v1",
            "provisioning.users.remove.v1");

    /** The checked request and what the validator said about it. */
    record Checked(JsonNode data, Validation validation) {

        List<ResultError> errors() {
            if (validation instanceof Validation.Invalid invalid) {
                return invalid.errors();
            }
            List<ResultError> items = new ArrayList<>();
            ((Validation.Valid) validation).request().itemErrors().byItem().values().forEach(items::addAll);
            return items;
        }

        boolean valid() {
            return validation instanceof Validation.Valid && errors().isEmpty();
        }

        List<String> pointers() {
            return errors().stream().map(ResultError::pointer).toList();
        }
    }

    static Checked check(String type, Object data) {
        ObjectNode event = JsonTrees.JSON.createObjectNode().put("specversion", "1.0").put("id", "r-1")
                .put("source", "urn:test:properties").put("type", type).put("partnerid", "partner-p")
                .put("datacontenttype", "application/json");
        event.set("data", data instanceof JsonNode node ? node : JsonTrees.JSON.valueToTree(data));
        byte[] bytes = JsonTrees.JSON.writeValueAsBytes(event);
        DecodedRecord decoded = DECODER.decode(RecordOrigin.of("t", 0, 0, "k", List.of(), bytes));
        Assume.that(decoded instanceof DecodedRecord.Event); // over an intake limit: the decoder's business, not this test's
        DecodedRecord.Event readable = (DecodedRecord.Event) decoded;
        return new Checked(readable.event().get("data"), VALIDATOR.validate(readable));
    }

    // --- the examples the properties start from are valid --------------------------------------------------

    @Example
    void everyBaseRequestIsValid() {
        for (String type : TYPES) {
            Checked checked = check(type, valid(type));
            assertThat(checked.errors()).as(type).isEmpty();
            assertThat(checked.validation()).as(type).isInstanceOf(Validation.Valid.class);
        }
    }

    // --- limits of single fields -------------------------------------------------------------------------

    /** Lengths count characters (code points), so 80 emoji are 80 characters although Java counts 160. */
    @Property(tries = 400)
    void aTemplateNameIsValidExactlyWhenItHasOneToEightyCharacters(@ForAll("printableText0to200") String name) {
        Map<String, Object> data = Requests.template(name);
        Checked checked = check("provisioning.template.create.v1", data);
        int length = name.codePointCount(0, name.length());
        boolean valid = length >= 1 && length <= 80;
        assertThat(checked.valid()).as("templateName of %d characters", length).isEqualTo(valid);
        if (!valid) {
            assertThat(checked.pointers()).containsExactly("/templateName");
            assertThat(checked.validation()).isInstanceOf(Validation.Invalid.class);
        }
    }

    /** Any text: valid exactly when it has 1..80 characters, no control character and no unpaired surrogate. */
    @Property(tries = 400)
    void aTemplateNameOfAnyTextIsValidExactlyWhenSafeAndOfTheRightLength(@ForAll("anyText0to100") String name) {
        Checked checked = check("provisioning.template.create.v1", Requests.template(name));
        boolean valid = safe(name) && between(name.codePointCount(0, name.length()), 1, 80);
        assertThat(checked.valid()).as("templateName '%s'", escapeForMessage(name)).isEqualTo(valid);
        if (!valid) {
            assertThat(checked.pointers()).containsExactly("/templateName");
        }
    }

    @Property(tries = 400)
    void aCustomerNameIsValidExactlyWithOneToEightyCharactersAndNoPercentSign(@ForAll("customerNames") String name) {
        Map<String, Object> data = valid("provisioning.customer.create.v1");
        data.put("customerInfo", Map.of("name", name, "primaryEmail", "admin@fjord.dk"));
        Checked checked = check("provisioning.customer.create.v1", data);
        boolean valid = !name.contains("%") && between(name.codePointCount(0, name.length()), 1, 80);
        assertThat(checked.valid()).as("customer name '%s'", name).isEqualTo(valid);
        if (!valid) {
            assertThat(checked.pointers()).containsExactly("/customerInfo/name");
        }
    }

    @Property(tries = 200)
    void anExternalIdIsValidExactlyWithOneToSixtyFourCharacters(@ForAll @IntRange(max = 100) int length) {
        Checked checked = check("provisioning.customer.delete.v1", Map.of("externalId", "e".repeat(length)));
        assertThat(checked.valid()).as("externalId of %d", length).isEqualTo(between(length, 1, 64));
        if (!checked.valid()) {
            assertThat(checked.pointers()).containsExactly("/externalId");
        }
    }

    /** An extension is 2 to 10 digits; a broken one refuses only its user. */
    @Property(tries = 300)
    void anExtensionIsValidExactlyWithTwoToTenDigits(@ForAll("extensions") String extension) {
        Map<String, Object> user = Requests.user("a@fjord.dk", "webex_calling", "HQ", null, extension);
        Checked checked = check("provisioning.users.add.v1", Requests.addUsers("c", List.of(), List.of(user)));
        boolean valid = extension.matches("[0-9]{2,10}");
        assertThat(checked.valid()).as("extension '%s'", extension).isEqualTo(valid);
        assertThat(checked.validation()).isInstanceOf(Validation.Valid.class); // item errors never refuse the whole request
        if (!valid) {
            assertThat(checked.pointers()).containsExactly("/users/0/extension");
        }
    }

    @Property(tries = 300)
    void aPackageLimitIsAnIntegerFromZeroToOneMillion(@ForAll("limits") Object limit) {
        Map<String, Object> data = valid("provisioning.customer.create.v1");
        data.put("packageLimits", Map.of("webex_calling", limit));
        Checked checked = check("provisioning.customer.create.v1", data);
        boolean valid = limit instanceof Integer i && i >= 0 && i <= 1_000_000;
        assertThat(checked.valid()).as("limit %s", limit).isEqualTo(valid);
        if (!valid) {
            assertThat(checked.pointers()).containsExactly("/packageLimits/webex_calling");
        }
    }

    @Property(tries = 40)
    void aUsersRequestHoldsAtMostAThousandUsersAndARemovalOneToAThousandEmails(@ForAll("listSizes") int size) {
        List<Object> users = new ArrayList<>();
        List<Object> emails = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            users.add(Requests.user("u" + i + "@fjord.dk", "webex_meetings", "HQ", null, null));
            emails.add("u" + i + "@fjord.dk");
        }
        Checked add = check("provisioning.users.add.v1", Requests.addUsers("c", List.of(), users));
        assertThat(add.valid()).as("%d users", size).isEqualTo(size <= 1000);
        if (size > 1000) {
            assertThat(add.pointers()).containsExactly("/users");
        }
        Checked remove = check("provisioning.users.remove.v1", Map.of("customerExternalId", "c", "emails", emails));
        assertThat(remove.valid()).as("%d e-mails", size).isEqualTo(size >= 1 && size <= 1000);
        if (!remove.valid()) {
            assertThat(remove.pointers()).containsExactly("/emails");
        }
    }

    // --- phone numbers: the schema checks the E.164 shape, PhoneNumbers the numbering plan and country --------

    @Property(tries = 300)
    void everyE164ShapedNumberPassesTheSchema(@ForAll("e164Shaped") String number) {
        Map<String, Object> user = Requests.user("a@fjord.dk", "webex_calling", "HQ", number, null);
        Checked checked = check("provisioning.users.add.v1", Requests.addUsers("c", List.of(), List.of(user)));
        assertThat(checked.errors()).as(number).isEmpty();
    }

    @Property(tries = 300)
    void aNumberNotShapedLikeE164IsRefusedAtItsPointer(@ForAll("notE164") String number) {
        Map<String, Object> user = Requests.user("a@fjord.dk", "webex_calling", "HQ", number, null);
        Checked checked = check("provisioning.users.add.v1", Requests.addUsers("c", List.of(), List.of(user)));
        assertThat(checked.pointers()).as("'%s'", number).containsExactly("/users/0/primaryPhoneNumber");
    }

    /** A valid number of one country is accepted for that country and refused for every other. */
    @Property(tries = 300)
    void aValidNumberBelongsToItsOwnCountryOnly(@ForAll("regions") String region, @ForAll("regions") String other) {
        var example = PHONES.getExampleNumber(region);
        Assume.that(example != null);
        String number = PHONES.format(example, PhoneNumberUtil.PhoneNumberFormat.E164);
        Assume.that(region.equals(PHONES.getRegionCodeForNumber(example)));
        assertThat(number).matches("^\\+[1-9][0-9]{1,14}$");
        assertThat(PhoneNumbers.check(number, region)).isEqualTo(new PhoneNumbers.Verdict.Valid(number));
        if (!other.equals(region)) {
            assertThat(PhoneNumbers.check(number, other)).as("%s (%s) for %s", number, region, other)
                    .isInstanceOf(PhoneNumbers.Verdict.Invalid.class);
        }
    }

    /** Whatever E.164-shaped string: accepted for a country only if libphonenumber places it in that country. */
    @Property(tries = 500)
    void anE164ShapedNumberIsAcceptedOnlyForTheCountryItBelongsTo(@ForAll("e164Shaped") String number,
                                                                   @ForAll("regions") String country) {
        PhoneNumbers.Verdict verdict = PhoneNumbers.check(number, country);
        if (verdict instanceof PhoneNumbers.Verdict.Valid valid) {
            assertThat(valid.e164()).isEqualTo(number);
            try {
                assertThat(PHONES.getRegionCodeForNumber(PHONES.parse(number, null))).isEqualTo(country);
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                throw new AssertionError(number + " was accepted but does not parse", e);
            }
        }
    }

    // --- pointers, one error per field, never a crash --------------------------------------------------

    /**
     * A valid request of any type, broken in a few random places (a field removed, replaced by a value of
     * another type, a string made too long or unsafe, an unknown property added): every error points at a
     * field that was sent, or at a required field that was not; no field is reported twice; and every
     * unsafe string is reported at its own pointer (unless the request is refused as a whole, which drops
     * the errors inside single users and locations).
     */
    @Property(tries = 600)
    void errorsPointAtSentOrMissingRequiredFieldsOncePerField(@ForAll("types") String type,
                                                             @ForAll("mutations") List<Mutation> mutations) {
        ObjectNode data = (ObjectNode) JsonTrees.JSON.valueToTree(valid(type));
        mutations.forEach(mutation -> mutation.apply(data));
        Checked checked = check(type, data);
        assertPointersResolveOncePerField(checked.data(), checked);
        for (String pointer : JsonTrees.pointers(checked.data())) {
            JsonNode leaf = checked.data().at(pointer);
            boolean itemError = checked.validation() instanceof Validation.Invalid && insideItem(type, pointer);
            if (leaf.isString() && !safe(leaf.asString()) && !itemError) {
                // Reported at the text itself, or at an enclosing property whose name is unsafe (one error per field).
                assertThat(checked.pointers()).as("unsafe text at %s of %s", pointer, checked.data()).anyMatch(reported ->
                        reported.equals(pointer) || pointer.startsWith(reported + "/")
                                && !reported.isEmpty() && !safe(JsonTrees.lastTokenOf(reported)));
            }
            boolean member = !pointer.isEmpty() && checked.data().at(JsonTrees.parentOf(pointer)).isObject();
            if (member && !safe(JsonTrees.lastTokenOf(pointer)) && !itemError) {
                assertThat(checked.pointers()).as("unsafe property name at %s of %s", pointer, checked.data()).anyMatch(reported ->
                        reported.equals(pointer) || pointer.startsWith(reported + "/")
                                && !reported.isEmpty() && !safe(JsonTrees.lastTokenOf(reported)));
            }
        }
    }

    /** Arbitrary JSON (bounded size and depth) as data of any type: validation never throws, pointers resolve once. */
    @Property(tries = 800)
    void arbitraryDataNeverBreaksValidation(@ForAll("typesAndUnknown") String type, @ForAll("arbitraryData") JsonNode data) {
        Checked checked = check(type, data);
        if (!TYPES.contains(type)) {
            assertThat(checked.validation()).isInstanceOf(Validation.Invalid.class);
            assertThat(checked.errors()).extracting(e -> e.code().name()).containsExactly("UNSUPPORTED_TYPE");
            return;
        }
        if (!data.isObject()) {
            assertThat(checked.validation()).isInstanceOf(Validation.Invalid.class);
            return;
        }
        assertPointersResolveOncePerField(checked.data(), checked);
    }

    private static void assertPointersResolveOncePerField(JsonNode data, Checked checked) {
        List<String> pointers = checked.pointers();
        Set<String> seen = new HashSet<>();
        for (ResultError error : checked.errors()) {
            String pointer = error.pointer();
            assertThat(error.code().name()).isEqualTo("VALIDATION_FAILED");
            assertThat(error.message()).isNotBlank();
            assertThat(pointer).as("pointer of %s", error).isNotNull();
            assertThat(seen.add(pointer)).as("a second error at %s: %s", pointer, checked.errors()).isTrue();
            if (pointer.isEmpty()) {
                continue;
            }
            JsonNode at = data.at(pointer);
            boolean missingRequired = at.isMissingNode() && data.at(JsonTrees.parentOf(pointer)).isObject()
                    && !data.at(JsonTrees.parentOf(pointer)).has(JsonTrees.lastTokenOf(pointer));
            assertThat(!at.isMissingNode() || missingRequired).as("%s points at nothing in %s (errors %s)", pointer, data,
                    pointers).isTrue();
        }
    }

    private static boolean insideItem(String type, String pointer) {
        List<String> arrays = switch (type) {
            case "provisioning.users.add.v1" -> List.of("/users/", "/locations/");
            case "provisioning.users.update.v1" -> List.of("/users/");
            default -> List.of();
        };
        return arrays.stream().anyMatch(prefix -> pointer.startsWith(prefix)
                && pointer.substring(prefix.length()).split("/", 2)[0].matches("[0-9]+"));
    }

    // --- mutations -------------------------------------------------------------------------------------

    enum Kind { REMOVE, REPLACE, TOO_LONG, UNSAFE, ADD_UNKNOWN }

    /** One change at the {@code target}-th node (modulo the number of nodes) of the data. */
    record Mutation(int target, Kind kind, JsonNode value, String name) {

        void apply(ObjectNode data) {
            List<String> pointers = JsonTrees.pointers(data);
            if (pointers.isEmpty()) {
                data.set(name, value);
                return;
            }
            String pointer = pointers.get(Math.floorMod(target, pointers.size()));
            JsonNode parent = data.at(JsonTrees.parentOf(pointer));
            String token = JsonTrees.lastTokenOf(pointer);
            JsonNode replacement = switch (kind) {
                case REPLACE -> value;
                case TOO_LONG -> JsonTrees.NODES.stringNode("L".repeat(81 + Math.floorMod(target, 1200)));
                case UNSAFE -> JsonTrees.NODES.stringNode(List.of("nul\u0000", "bell\u0007", "lone\ud800", "\udc00", "del\u007f",
                        "c1\u0085").get(Math.floorMod(target, 6)));
                default -> null;
            };
            if (kind == Kind.ADD_UNKNOWN) {
                JsonNode holder = data.at(pointer);
                if (holder instanceof ObjectNode object) {
                    object.set(name, value);
                } else {
                    data.set(name, value);
                }
            } else if (parent instanceof ObjectNode object) {
                if (kind == Kind.REMOVE) {
                    object.remove(token);
                } else {
                    object.set(token, replacement);
                }
            } else if (parent instanceof ArrayNode array) {
                int index = Integer.parseInt(token);
                if (kind == Kind.REMOVE) {
                    array.remove(index);
                } else {
                    array.set(index, replacement);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.of(Kind.class),
                JsonTrees.trees(JsonTrees.anyText(12), 2, 3), JsonTrees.names()).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    // --- generators ------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of(TYPES);
    }

    @Provide
    Arbitrary<String> typesAndUnknown() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.of(TYPES)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("provisioning.template.create.v2", "x", "provisioning.users.add")));
    }

    @Provide
    Arbitrary<JsonNode> arbitraryData() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, JsonTrees.objects(JsonTrees.anyText(40), 5, 5).map(o -> (JsonNode) o)),
                net.jqwik.api.Tuple.of(1, JsonTrees.trees(JsonTrees.anyText(10), 3, 3)),
                // near-valid: a valid request of some type with arbitrary values grafted in
                net.jqwik.api.Tuple.of(6, Combinators.combine(Arbitraries.of(TYPES), mutations()).as((type, mutations) -> {
                    ObjectNode data = (ObjectNode) JsonTrees.JSON.valueToTree(valid(type));
                    mutations.forEach(m -> m.apply(data));
                    return (JsonNode) data;
                })));
    }

    /** Printable text (letters, digits, punctuation, accented letters, CJK, emoji) of 0 to 200 characters. */
    @Provide
    Arbitrary<String> printableText0to200() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0xc0, 0x17f)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x4e00, 0x4fff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x1f600, 0x1f64f)));
        return Arbitraries.integers().between(0, 200).flatMap(length -> codePoints.list().ofSize(length))
                .map(list -> new String(list.stream().mapToInt(Integer::intValue).toArray(), 0, list.size()))
                .edgeCases(edges -> edges.add("").add("x".repeat(80)).add("x".repeat(81)).add("\uD83D\uDE00".repeat(80))
                        .add("\uD83D\uDE00".repeat(81)));
    }

    @Provide
    Arbitrary<String> anyText0to100() {
        return JsonTrees.anyText(100);
    }

    @Provide
    Arbitrary<String> customerNames() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ æøå%-'&.").ofMaxLength(100),
                Arbitraries.strings().alpha().ofMinLength(78).ofMaxLength(83),
                Arbitraries.strings().alpha().ofMinLength(79).ofMaxLength(80).map(s -> s + "%"));
    }

    @Provide
    Arbitrary<String> extensions() {
        return Arbitraries.oneOf(Arbitraries.strings().numeric().ofMaxLength(12),
                Arbitraries.strings().withChars("0123456789 +-a").ofMaxLength(12));
    }

    @Provide
    Arbitrary<Object> limits() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-5, 1_000_005).map(i -> (Object) i),
                Arbitraries.of(-1, 0, 1_000_000, 1_000_001).map(i -> (Object) i),
                Arbitraries.of(1.5, "5", true).map(v -> (Object) v));
    }

    @Provide
    Arbitrary<Integer> listSizes() {
        return Arbitraries.of(0, 1, 2, 999, 1000, 1001, 1002);
    }

    @Provide
    Arbitrary<String> e164Shaped() {
        return Combinators.combine(Arbitraries.integers().between(1, 9), Arbitraries.strings().numeric().ofMinLength(1)
                .ofMaxLength(14)).as((first, rest) -> "+" + first + rest);
    }

    @Provide
    Arbitrary<String> notE164() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15),                     // no +
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(14).map(s -> "+0" + s), // leading 0
                Arbitraries.strings().numeric().ofMinLength(16).ofMaxLength(20).map(s -> "+1" + s), // too long
                Arbitraries.of("+", "+4", "+45 32 12 34 56", "+45-3212-3456", "++4532123456", "+45abcdefgh", "",
                        "+4532123456 ", "(+45)32123456"));
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of(new ArrayList<>(new java.util.TreeSet<>(PHONES.getSupportedRegions())));
    }

    // --- valid requests of every type ------------------------------------------------------------------

    static Map<String, Object> valid(String type) {
        String template = UUID.nameUUIDFromBytes("template".getBytes(StandardCharsets.UTF_8)).toString();
        return switch (type) {
            case "provisioning.template.create.v1" -> Requests.template("Fjord template");
            case "provisioning.template.update.v1" -> {
                Map<String, Object> update = Requests.template("Fjord template");
                update.put("provisioningId", template);
                yield update;
            }
            case "provisioning.template.delete.v1" -> new LinkedHashMap<>(Map.of("provisioningId", template));
            case "provisioning.customer.create.v1" -> Requests.customer("fjord-1", template, "admin@fjord.dk");
            case "provisioning.customer.update.v1" -> new LinkedHashMap<>(Map.of("externalId", "fjord-1",
                    "package", "webex_suite", "packageLimits", Map.of("webex_suite", 10),
                    "customerInfo", Map.of("name", "Fjord Bakery II")));
            case "provisioning.customer.delete.v1" -> new LinkedHashMap<>(Map.of("externalId", "fjord-1"));
            case "provisioning.users.add.v1" -> Requests.addUsers("fjord-1", List.of(Requests.location("Aarhus", "DK")),
                    List.of(Requests.user("a@fjord.dk", "webex_calling", "Aarhus", "+4532123456", "12"),
                            Requests.user("b@fjord.dk", "webex_meetings", "Copenhagen HQ", null, null)));
            case "provisioning.users.update.v1" -> new LinkedHashMap<>(Map.of("customerExternalId", "fjord-1",
                    "users", List.of(Map.of("email", "a@fjord.dk", "package", "webex_suite"),
                            Map.of("email", "b@fjord.dk", "extension", "13"))));
            case "provisioning.users.remove.v1" -> new LinkedHashMap<>(Map.of("customerExternalId", "fjord-1",
                    "emails", List.of("a@fjord.dk", "b@fjord.dk")));
            default -> throw new IllegalArgumentException(type);
        };
    }

    static boolean safe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean between(int value, int min, int max) {
        return value >= min && value <= max;
    }

    private static String escapeForMessage(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c)
                    : String.valueOf(c));
        }
        return out.toString();
    }
}
