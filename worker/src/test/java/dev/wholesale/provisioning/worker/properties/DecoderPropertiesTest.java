package dev.wholesale.provisioning.worker.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;


import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;
import dev.wholesale.provisioning.worker.Requests;
import dev.wholesale.provisioning.contracts.intake.DecodedRecord;
import dev.wholesale.provisioning.contracts.intake.IntakeLimits;
import dev.wholesale.provisioning.contracts.intake.RecordDecoder;
import dev.wholesale.provisioning.contracts.intake.RecordOrigin;
import dev.wholesale.provisioning.contracts.intake.RequestIdentity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link RecordDecoder}, the first look at every consumed record, for arbitrary bytes and headers:
 * it never throws, always says Event or Unreadable, an Event always has a usable identity, and the
 * limits (nesting, string length, record size) and the identity rules hold exactly at their edges.
 */
class DecoderPropertiesTest {

    private static final RecordDecoder DECODER = new RecordDecoder(IntakeLimits.DEFAULTS);
    private static final String TEMPLATE_CREATE = "provisioning.template.create.v1";

    // --- never a crash, always a usable verdict ----------------------------------------------------------

    @Property(tries = 2000)
    void anyBytesWithAnyHeadersDecodeToAnEventOrAnUnreadableRecord(@ForAll("values") byte[] value,
                                                                    @ForAll("headers") List<RecordOrigin.Header> headers) {
        RecordOrigin origin = RecordOrigin.of("t", 0, 0, "k", headers, value);
        DecodedRecord decoded = DECODER.decode(origin);
        assertThat(decoded).isNotNull();
        assertThat(decoded.origin()).isSameAs(origin);
        if (decoded instanceof DecodedRecord.Event event) {
            assertUsable(event.identity());
            assertThat(event.event()).isNotNull();
            assertThat(event.event().path("partnerid").asString()).isEqualTo(event.identity().partnerId());
            assertThat(event.event().path("id").asString()).isEqualTo(event.identity().requestId());
            assertThat(event.event().path("type").asString()).isEqualTo(event.identity().type());
        } else {
            DecodedRecord.Unreadable unreadable = (DecodedRecord.Unreadable) decoded;
            assertThat(unreadable.reason()).isNotNull().isNotEqualTo(DeadLetterReason.PROCESSING_FAILED);
            assertThat(unreadable.detail()).isNotNull();
            if (unreadable.identity() != null) {
                assertUsable(unreadable.identity());
            }
        }
    }

    /** A valid event with a few bytes changed, removed, inserted or cut off. */
    @Property(tries = 1500)
    void damagedEventsDecodeWithoutThrowing(@ForAll("events") byte[] event, @ForAll("damages") List<Damage> damages) {
        byte[] value = event;
        for (Damage damage : damages) {
            value = damage.apply(value);
        }
        DecodedRecord decoded = DECODER.decode(RecordOrigin.of("t", 0, 0, "k", structured(), value));
        if (decoded instanceof DecodedRecord.Event readable) {
            assertUsable(readable.identity());
        } else if (((DecodedRecord.Unreadable) decoded).identity() != null) {
            assertUsable(((DecodedRecord.Unreadable) decoded).identity());
        }
    }

    /**
     * Any proper prefix of an event is not JSON; its identity is salvaged exactly when the prefix holds
     * the whole partnerid value (the last of id, type and partnerid in the event), and then it is the
     * event's own.
     */
    @Property(tries = 1000)
    void aTruncatedEventIsNotJsonAndKeepsItsIdentityOnlyOnceItIsWhole(@ForAll("events") byte[] event,
                                                                      @ForAll @IntRange(min = 1, max = 100_000) int cutAt) {
        int cut = 1 + cutAt % (event.length - 1);
        DecodedRecord decoded = DECODER.decode(RecordOrigin.of("t", 0, 0, "k", structured(), Arrays.copyOf(event, cut)));
        assertThat(decoded).isInstanceOf(DecodedRecord.Unreadable.class);
        DecodedRecord.Unreadable unreadable = (DecodedRecord.Unreadable) decoded;
        assertThat(unreadable.reason()).isEqualTo(DeadLetterReason.NOT_JSON);
        JsonNode whole = JsonTrees.JSON.readTree(event);
        String text = new String(event, StandardCharsets.UTF_8);
        String partner = "\"partnerid\":" + JsonTrees.JSON.writeValueAsString(whole.get("partnerid"));
        int identityComplete = text.indexOf(partner) + partner.length();
        if (cut >= identityComplete) {
            assertThat(unreadable.identity()).as("cut at %d of %d", cut, event.length).isEqualTo(new RequestIdentity(
                    whole.get("partnerid").asString(), whole.get("id").asString(), whole.get("type").asString()));
        } else {
            assertThat(unreadable.identity()).as("cut at %d of %d", cut, event.length).isNull();
        }
    }

    // --- identity rules ------------------------------------------------------------------------------------

    /**
     * An Event exactly when id, type and partnerid are all strings that are not blank, hold no control
     * character or unpaired surrogate, and fit (128, 256, 128); and then with exactly that identity.
     * Otherwise MISSING_PARTNER_ID when partnerid is absent or not a string, else NOT_A_CLOUDEVENT.
     */
    @Property(tries = 1500)
    void anEventHasExactlyTheIdentityItWasSentWith(@ForAll("attributes") JsonNode id, @ForAll("attributes") JsonNode type,
                                                   @ForAll("attributes") JsonNode partner) {
        ObjectNode event = JsonTrees.JSON.createObjectNode().put("specversion", "1.0").put("source", "urn:t");
        setOrOmit(event, "id", id);
        setOrOmit(event, "type", type);
        setOrOmit(event, "partnerid", partner);
        event.set("data", JsonTrees.JSON.valueToTree(Requests.template("Identity")));
        DecodedRecord decoded = DECODER.decode(RecordOrigin.of("t", 0, 0, "k", structured(),
                JsonTrees.JSON.writeValueAsBytes(event)));
        boolean readable = usable(id, 128) && usable(type, 256) && usable(partner, 128);
        if (readable) {
            assertThat(decoded).isInstanceOf(DecodedRecord.Event.class);
            assertThat(((DecodedRecord.Event) decoded).identity())
                    .isEqualTo(new RequestIdentity(partner.asString(), id.asString(), type.asString()));
        } else {
            assertThat(decoded).isInstanceOf(DecodedRecord.Unreadable.class);
            DeadLetterReason expected = partner == null || !partner.isString() ? DeadLetterReason.MISSING_PARTNER_ID
                    : DeadLetterReason.NOT_A_CLOUDEVENT;
            assertThat(((DecodedRecord.Unreadable) decoded).reason()).isEqualTo(expected);
            assertThat(((DecodedRecord.Unreadable) decoded).identity()).isNull();
        }
    }

    /** Binary mode: the identity comes from the ce_* headers and data is the value, whatever JSON it is. */
    @Property(tries = 500)
    void aBinaryModeEventTakesItsIdentityFromTheHeadersAndItsDataFromTheValue(
            @ForAll("safeIds") String id, @ForAll("safeIds") String partner, @ForAll("anyJson") JsonNode data) {
        List<RecordOrigin.Header> headers = List.of(header("ce_specversion", "1.0"), header("ce_id", id),
                header("ce_source", "urn:t"), header("ce_type", TEMPLATE_CREATE), header("ce_partnerid", partner),
                header("content-type", "application/json"));
        byte[] value = JsonTrees.JSON.writeValueAsBytes(data);
        DecodedRecord decoded = DECODER.decode(RecordOrigin.of("t", 0, 0, "k", headers, value));
        assertThat(decoded).isInstanceOf(DecodedRecord.Event.class);
        DecodedRecord.Event event = (DecodedRecord.Event) decoded;
        assertThat(event.identity()).isEqualTo(new RequestIdentity(partner, id, TEMPLATE_CREATE));
        assertThat(event.event().get("data")).isEqualTo(JsonTrees.EXACT.readTree(value));
    }

    // --- limits, exactly at their edges ------------------------------------------------------------------

    /** The event is level 1 and data level 2: arrays nested n deep in data.x make n + 2 levels, 16 allowed. */
    @Property(tries = 200)
    void nestingDeeperThanSixteenLevelsIsTooDeep(@ForAll @IntRange(min = 0, max = 40) int depth,
                                                 @ForAll boolean objects) {
        String nested = objects ? "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)
                : "[".repeat(depth) + (depth == 0 ? "1" : "") + "]".repeat(depth);
        String json = template("deep").replace("\"data\":{", "\"data\":{\"x\":" + nested + ",");
        DecodedRecord decoded = DECODER.decode(RecordOrigin.of("t", 0, 0, "k", structured(), utf8(json)));
        if (depth + 2 > 16) {
            assertThat(decoded).isInstanceOf(DecodedRecord.Unreadable.class);
            assertThat(((DecodedRecord.Unreadable) decoded).reason()).isEqualTo(DeadLetterReason.TOO_DEEP);
            assertThat(((DecodedRecord.Unreadable) decoded).identity()).isNotNull(); // the identity precedes data
        } else {
            assertThat(decoded).as("depth %d", depth + 2).isInstanceOf(DecodedRecord.Event.class);
        }
    }

    /** Strings up to 16,384 characters (not bytes) are read; longer ones are TOKEN_TOO_LONG. */
    @Property(tries = 200)
    void stringsLongerThanTheLimitAreTooLong(@ForAll @IntRange(min = 16_370, max = 16_400) int length,
                                             @ForAll("fillers") String filler) {
        String json = template("long").replace("\"data\":{", "\"data\":{\"x\":\"" + filler.repeat(length) + "\",");
        DecodedRecord decoded = DECODER.decode(RecordOrigin.of("t", 0, 0, "k", structured(), utf8(json)));
        if (filler.length() * length > 16_384) {
            assertThat(decoded).isInstanceOf(DecodedRecord.Unreadable.class);
            assertThat(((DecodedRecord.Unreadable) decoded).reason()).isEqualTo(DeadLetterReason.TOKEN_TOO_LONG);
        } else {
            assertThat(decoded).isInstanceOf(DecodedRecord.Event.class);
        }
    }

    /** With a record limit of 2,000 bytes: a record is read up to exactly that size and TOO_LARGE beyond, unparsed. */
    @Property(tries = 300)
    void recordsLargerThanTheLimitAreTooLarge(@ForAll @IntRange(min = 1_500, max = 2_500) int size) {
        RecordDecoder small = new RecordDecoder(IntakeLimits.DEFAULTS.withMaxValueBytes(2_000));
        byte[] value = padded(size);
        DecodedRecord decoded = small.decode(RecordOrigin.of("t", 0, 0, "k", structured(), value));
        if (size > 2_000) {
            assertThat(decoded).isInstanceOf(DecodedRecord.Unreadable.class);
            assertThat(((DecodedRecord.Unreadable) decoded).reason()).isEqualTo(DeadLetterReason.TOO_LARGE);
            assertThat(((DecodedRecord.Unreadable) decoded).identity()).as("salvaged from the first bytes").isNotNull();
        } else {
            assertThat(decoded).as("%d bytes", size).isInstanceOf(DecodedRecord.Event.class);
        }
    }

    // --- damage ----------------------------------------------------------------------------------------------

    enum How { FLIP, DELETE, INSERT, CUT, DUPLICATE }

    record Damage(How how, int at, byte with) {
        byte[] apply(byte[] value) {
            if (value.length == 0) {
                return new byte[] {with};
            }
            int i = Math.floorMod(at, value.length);
            return switch (how) {
                case FLIP -> {
                    byte[] copy = value.clone();
                    copy[i] = with;
                    yield copy;
                }
                case DELETE -> concat(Arrays.copyOfRange(value, 0, i), Arrays.copyOfRange(value, i + 1, value.length));
                case INSERT -> concat(Arrays.copyOfRange(value, 0, i), new byte[] {with},
                        Arrays.copyOfRange(value, i, value.length));
                case CUT -> Arrays.copyOf(value, i);
                case DUPLICATE -> concat(Arrays.copyOfRange(value, 0, i), Arrays.copyOfRange(value, i / 2, value.length));
            };
        }
    }

    @Provide
    Arbitrary<List<Damage>> damages() {
        Arbitrary<Byte> bytes = Arbitraries.oneOf(Arbitraries.bytes(), Arbitraries.of((byte) '"', (byte) '{', (byte) '}',
                (byte) '[', (byte) ']', (byte) ',', (byte) ':', (byte) '\\', (byte) 0, (byte) 0xC3, (byte) 0xED, (byte) 0xFF));
        return Combinators.combine(Arbitraries.of(How.class), Arbitraries.integers().between(0, 100_000), bytes)
                .as(Damage::new).list().ofMinSize(1).ofMaxSize(5);
    }

    // --- generators ------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<byte[]> values() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> jsonText = JsonTrees.trees(JsonTrees.anyText(20), 4, 4).map(JsonTrees.JSON::writeValueAsBytes);
        Arbitrary<byte[]> eventLike = Combinators.combine(events(), damages()).as((event, damages) -> {
            byte[] value = event;
            for (Damage damage : damages) {
                value = damage.apply(value);
            }
            return value;
        });
        return Arbitraries.frequencyOf(Tuple.of(3, random), Tuple.of(2, jsonText), Tuple.of(4, events()), Tuple.of(4, eventLike),
                Tuple.of(1, Arbitraries.of(new byte[0], "null".getBytes(), " ".getBytes(), new byte[] {(byte) 0xEF, (byte) 0xBB,
                        (byte) 0xBF}, new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{'})), Tuple.of(1, Arbitraries.just(null)));
    }

    @Provide
    Arbitrary<List<RecordOrigin.Header>> headers() {
        Arbitrary<String> keys = Arbitraries.of("content-type", "Content-Type", "CONTENT-TYPE", "ce_specversion", "ce_id",
                "ce_type", "ce_partnerid", "ce_source", "ce_data", "ce_", "CE_SPECVERSION", "CE_PARTNERID", "x-other", "");
        Arbitrary<byte[]> values = Arbitraries.oneOf(
                Arbitraries.of("application/cloudevents+json", "application/json", "application/json; charset=utf-8",
                        "text/plain", "application/avro", "1.0", TEMPLATE_CREATE, "partner-1", "req-1", "", "  ", "p\u0000",
                        "x".repeat(129), "t".repeat(257), "\ud800").map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                Arbitraries.just(null));
        return Combinators.combine(keys, values).as(RecordOrigin.Header::new).list().ofMaxSize(8);
    }

    /** Valid structured events of a few shapes, with identities of varying (ASCII) length. */
    @Provide
    Arbitrary<byte[]> events() {
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(30);
        return Combinators.combine(ids, ids, Arbitraries.of(ValidationPropertiesTest.TYPES)).as((id, partner, type) -> {
            ObjectNode event = JsonTrees.JSON.createObjectNode().put("specversion", "1.0").put("id", id)
                    .put("source", "urn:t").put("type", type).put("partnerid", partner)
                    .put("datacontenttype", "application/json");
            event.set("data", JsonTrees.JSON.valueToTree(ValidationPropertiesTest.valid(type)));
            return JsonTrees.JSON.writeValueAsBytes(event);
        });
    }

    /** Attribute values: absent (null), strings of every kind around the limits, and other JSON types. */
    @Provide
    Arbitrary<JsonNode> attributes() {
        Arbitrary<String> strings = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(125).ofMaxLength(260),
                Arbitraries.strings().all().ofMaxLength(10),
                Arbitraries.of("", " ", "\t", "a\u0000", "a\u0085", "\ud800x", "x\udc00", "\uD83D\uDE00", "\u202e"));
        return Arbitraries.frequencyOf(
                Tuple.of(8, strings.map(s -> (JsonNode) JsonTrees.NODES.stringNode(s))),
                Tuple.of(1, Arbitraries.just((JsonNode) null)),
                Tuple.of(1, Arbitraries.of(JsonTrees.NODES.numberNode(5), JsonTrees.NODES.nullNode(),
                        JsonTrees.NODES.booleanNode(true), JsonTrees.NODES.arrayNode(), JsonTrees.NODES.objectNode())));
    }

    @Provide
    Arbitrary<String> safeIds() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(128).filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<JsonNode> anyJson() {
        return JsonTrees.trees(JsonTrees.wellFormedText(20), 4, 4);
    }

    @Provide
    Arbitrary<String> fillers() {
        return Arbitraries.of("a", "\u00e9", "\u65e5", "\uD83D\uDE00");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static void assertUsable(RequestIdentity identity) {
        assertThat(identity.partnerId()).isNotBlank().hasSizeLessThanOrEqualTo(128);
        assertThat(identity.requestId()).isNotBlank().hasSizeLessThanOrEqualTo(128);
        assertThat(identity.type()).isNotBlank().hasSizeLessThanOrEqualTo(256);
        assertThat(ValidationPropertiesTest.safe(identity.partnerId())).isTrue();
        assertThat(ValidationPropertiesTest.safe(identity.requestId())).isTrue();
        assertThat(ValidationPropertiesTest.safe(identity.type())).isTrue();
    }

    private static boolean usable(JsonNode attribute, int maxLength) {
        return attribute != null && attribute.isString() && !attribute.asString().isBlank()
                && attribute.asString().length() <= maxLength && ValidationPropertiesTest.safe(attribute.asString());
    }

    private static void setOrOmit(ObjectNode event, String name, JsonNode value) {
        if (value != null) {
            event.set(name, value);
        }
    }

    private static String template(String id) {
        ObjectNode event = JsonTrees.JSON.createObjectNode().put("specversion", "1.0").put("id", id).put("source", "urn:t")
                .put("type", TEMPLATE_CREATE).put("partnerid", "p");
        event.set("data", JsonTrees.JSON.valueToTree(Requests.template("Limits")));
        return JsonTrees.JSON.writeValueAsString(event);
    }

    /** A template event exactly {@code size} bytes long: an unknown property padded with short strings. */
    private static byte[] padded(int size) {
        ObjectNode event = (ObjectNode) JsonTrees.JSON.readTree(template("padded"));
        ArrayNode padding = ((ObjectNode) event.get("data")).putArray("padding");
        int remaining = size - JsonTrees.JSON.writeValueAsBytes(event).length;
        List<String> parts = new ArrayList<>();
        while (remaining > 0) {
            int overhead = parts.isEmpty() ? 2 : 3; // quotes, and a comma before all but the first
            int length = remaining - overhead <= 500 ? remaining - overhead
                    : remaining - overhead - 500 < 3 ? 497 : 500; // leave room for one more element
            assertThat(length).as("padding to %d bytes", size).isNotNegative();
            parts.add("p".repeat(length));
            remaining -= overhead + length;
        }
        parts.forEach(padding::add);
        byte[] bytes = JsonTrees.JSON.writeValueAsBytes(event);
        assertThat(bytes).hasSize(size);
        return bytes;
    }

    private static List<RecordOrigin.Header> structured() {
        return List.of(header("content-type", "application/cloudevents+json"));
    }

    private static RecordOrigin.Header header(String key, String value) {
        return new RecordOrigin.Header(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
