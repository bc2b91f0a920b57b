package dev.wholesale.provisioning.contracts.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the intake makes of a consumed record (MESSAGES.md, envelope and "records that cannot be
 * read"): an Event with its identity, or a dead letter with its reason and, where id, type and
 * partnerid are still readable, the identity to answer the sender with.
 */
class RecordDecoderCasesTest {

    private static final String STRUCTURED = "application/cloudevents+json";
    private static final String TYPE = "provisioning.customer.delete.v1";
    private static final RequestIdentity IDENTITY = new RequestIdentity("partner-a", "r-1", TYPE);
    private static final String HEAD = "{\"specversion\":\"1.0\",\"id\":\"r-1\",\"source\":\"urn:ordering\","
            + "\"type\":\"" + TYPE + "\",\"partnerid\":\"partner-a\",";
    private static final String VALID = HEAD + "\"data\":{\"externalId\":\"c-1\"}}";

    private final RecordDecoder decoder = new RecordDecoder(IntakeLimits.DEFAULTS);

    // --- readable events ------------------------------------------------------------------------

    @Test
    void aStructuredEventDecodesIntoAnEventWithItsIdentity() {
        DecodedRecord decoded = decoder.decode(origin(VALID, "content-type", STRUCTURED));

        assertThat(decoded).isInstanceOfSatisfying(DecodedRecord.Event.class, event -> {
            assertThat(event.identity()).isEqualTo(IDENTITY);
            assertThat(event.event().path("data").path("externalId").asString()).isEqualTo("c-1");
        });
    }

    @Test
    void aStructuredEventWithoutAnyContentTypeHeaderIsReadToo() {
        assertThat(decoder.decode(origin(VALID))).isInstanceOf(DecodedRecord.Event.class);
    }

    @Test
    void aBinaryModeEventDecodesIntoAStructuredEventWithDataAndTheAttributes() {
        DecodedRecord decoded = decoder.decode(origin("{\"externalId\":\"c-1\"}",
                "ce_specversion", "1.0", "ce_id", "r-1", "ce_type", TYPE, "ce_source", "urn:ordering",
                "ce_partnerid", "partner-a", "content-type", "application/json"));

        assertThat(decoded).isInstanceOfSatisfying(DecodedRecord.Event.class, event -> {
            assertThat(event.identity()).isEqualTo(IDENTITY);
            ObjectNode tree = event.event();
            assertThat(tree.path("specversion").asString()).isEqualTo("1.0");
            assertThat(tree.path("id").asString()).isEqualTo("r-1");
            assertThat(tree.path("type").asString()).isEqualTo(TYPE);
            assertThat(tree.path("source").asString()).isEqualTo("urn:ordering");
            assertThat(tree.path("partnerid").asString()).isEqualTo("partner-a");
            assertThat(tree.path("datacontenttype").asString()).isEqualTo("application/json");
            assertThat(tree.path("data").path("externalId").asString()).isEqualTo("c-1");
        });
    }

    /** Jackson refuses half a surrogate pair in a property name (in values it is read, and refused by validation). */
    @Test
    void halfASurrogatePairInAPropertyNameIsNotJson() {
        DecodedRecord decoded = decoder.decode(origin(VALID.replace("\"data\":{", "\"data\":{\"cost\\ud800centre\":1,")));

        assertThat(reasonOf(decoded)).isEqualTo(DeadLetterReason.NOT_JSON);
    }

    /** Header names are matched without regard to case throughout, as the detection of binary mode always did. */
    @Test
    void upperCaseBinaryModeHeadersAreTheSameAttributes() {
        DecodedRecord decoded = decoder.decode(origin("{\"externalId\":\"c-1\"}",
                "CE_SPECVERSION", "1.0", "Ce_Id", "r-1", "CE_type", TYPE, "ce_SOURCE", "urn:ordering",
                "CE_PARTNERID", "partner-a", "Content-Type", "application/json"));

        assertThat(decoded).isInstanceOfSatisfying(DecodedRecord.Event.class, event -> {
            assertThat(event.identity()).isEqualTo(IDENTITY);
            assertThat(event.event().path("source").asString()).isEqualTo("urn:ordering");
            assertThat(event.event().path("specversion").asString()).isEqualTo("1.0");
        });
    }

    @Test
    void aBinaryModeEventWithoutAPartnerIdHeaderHasNoTenant() {
        DecodedRecord decoded = decoder.decode(origin("{\"externalId\":\"c-1\"}",
                "ce_specversion", "1.0", "ce_id", "r-1", "ce_type", TYPE, "ce_source", "urn:ordering",
                "content-type", "application/json"));

        assertThat(reasonOf(decoded)).isEqualTo(DeadLetterReason.MISSING_PARTNER_ID);
    }

    @Test
    void aBinaryModeRecordWhoseDataIsNotJsonKeepsTheIdentityOfItsHeaders() {
        DecodedRecord.Unreadable unreadable = unreadable(decoder.decode(origin("{\"externalId\":",
                "ce_specversion", "1.0", "ce_id", "r-1", "ce_type", TYPE, "ce_source", "urn:ordering",
                "ce_partnerid", "partner-a", "content-type", "application/json")));

        assertThat(unreadable.reason()).isEqualTo(DeadLetterReason.NOT_JSON);
        assertThat(unreadable.identity()).isEqualTo(IDENTITY);
    }

    @Test
    void anIdOfExactly128CharactersIsStillAnEvent() {
        String id = "x".repeat(128);
        DecodedRecord decoded = decoder.decode(origin(VALID.replace("\"r-1\"", "\"" + id + "\"")));

        assertThat(decoded).isInstanceOfSatisfying(DecodedRecord.Event.class,
                event -> assertThat(event.identity().requestId()).isEqualTo(id));
    }

    @Test
    void nestingOfExactlySixteenLevelsIsStillReadable() {
        // the event is level 1, data level 2, then 14 arrays: 16 levels
        String value = HEAD + "\"data\":{\"x\":" + "[".repeat(14) + "]".repeat(14) + "}}";

        assertThat(decoder.decode(origin(value))).isInstanceOf(DecodedRecord.Event.class);
    }

    // --- unreadable records ---------------------------------------------------------------------

    @Test
    void aValueThatIsNotJsonIsNotJson() {
        DecodedRecord.Unreadable unreadable = unreadable("this is not json");

        assertThat(unreadable.reason()).isEqualTo(DeadLetterReason.NOT_JSON);
        assertThat(unreadable.identity()).isNull();
    }

    @Test
    void anEmptyValueIsNotJson() {
        assertThat(unreadable("").reason()).isEqualTo(DeadLetterReason.NOT_JSON);
    }

    @Test
    void aValueOfOnlyWhiteSpaceIsNotJson() {
        assertThat(unreadable("   \n ").reason()).isEqualTo(DeadLetterReason.NOT_JSON);
    }

    @Test
    void aValueWithASecondJsonValueAfterTheEventIsNotReadAsAnEvent() {
        assertThat(decoder.decode(origin(VALID + "{\"id\":\"r-2\"}"))).isInstanceOf(DecodedRecord.Unreadable.class);
    }

    @Test
    void truncatedJsonIsNotJsonButTheIdentityBeforeTheCutIsSalvaged() {
        String truncated = HEAD + "\"data\":{\"externalId\":\"c-";

        DecodedRecord.Unreadable unreadable = unreadable(truncated);

        assertThat(unreadable.reason()).isEqualTo(DeadLetterReason.NOT_JSON);
        assertThat(unreadable.identity()).isEqualTo(IDENTITY);
    }

    @Test
    void truncatedJsonCutBeforeThePartnerIdHasNoIdentity() {
        String truncated = "{\"specversion\":\"1.0\",\"id\":\"r-1\",\"type\":\"" + TYPE + "\",\"data\":{\"ext";

        assertThat(unreadable(truncated).identity()).isNull();
    }

    @Test
    void identityAttributesInsideDataAreNotMistakenForTheEnvelopes() {
        String truncated = "{\"specversion\":\"1.0\",\"data\":{\"id\":\"r-1\",\"type\":\"" + TYPE
                + "\",\"partnerid\":\"partner-a\"},\"source\":\"urn";

        assertThat(unreadable(truncated).identity()).isNull();
    }

    @Test
    void aDuplicateIdAtTheTopLevelOfATruncatedRecordMeansNoIdentityIsSalvaged() {
        String truncated = "{\"id\":\"r-1\",\"type\":\"" + TYPE + "\",\"partnerid\":\"partner-a\",\"id\":\"r-2\",\"data\":{";

        DecodedRecord.Unreadable unreadable = unreadable(truncated);

        assertThat(unreadable.reason()).as("the duplicate comes before the cut").isEqualTo(DeadLetterReason.DUPLICATE_KEY);
        assertThat(unreadable.identity()).isNull();
    }

    @Test
    void aDuplicateKeyIsDeadLetteredAsSuchAndTheUnambiguousIdentityIsSalvaged() {
        String value = HEAD + "\"data\":{\"externalId\":\"c-1\",\"externalId\":\"c-2\"}}";

        DecodedRecord.Unreadable unreadable = unreadable(value);

        assertThat(unreadable.reason()).isEqualTo(DeadLetterReason.DUPLICATE_KEY);
        assertThat(unreadable.identity()).isEqualTo(IDENTITY);
    }

    @Test
    void aDuplicateIdWhoseSecondValueIsNotAStringStillMakesTheIdentityAmbiguous() {
        String value = HEAD + "\"id\":7,\"data\":{\"externalId\":\"c-1\"}}";

        DecodedRecord.Unreadable unreadable = unreadable(value);

        assertThat(unreadable.reason()).isEqualTo(DeadLetterReason.DUPLICATE_KEY);
        assertThat(unreadable.identity()).as("identity salvaged from an event that names its id twice").isNull();
    }

    @Test
    void nestingDeeperThanSixteenLevelsIsTooDeepAndTheIdentityBeforeItIsSalvaged() {
        // the event is level 1, data level 2, then 15 arrays: 17 levels
        String value = HEAD + "\"data\":{\"x\":" + "[".repeat(15) + "]".repeat(15) + "}}";

        DecodedRecord.Unreadable unreadable = unreadable(value);

        assertThat(unreadable.reason()).isEqualTo(DeadLetterReason.TOO_DEEP);
        assertThat(unreadable.identity()).isEqualTo(IDENTITY);
    }

    @Test
    void aValueOverTheSizeLimitIsTooLargeAndItsIdentityIsSalvaged() {
        RecordDecoder small = new RecordDecoder(IntakeLimits.DEFAULTS.withMaxValueBytes(200));
        String value = HEAD + "\"data\":{\"externalId\":\"" + "c".repeat(200) + "\"}}";

        DecodedRecord.Unreadable unreadable = unreadable(small.decode(origin(value)));

        assertThat(unreadable.reason()).isEqualTo(DeadLetterReason.TOO_LARGE);
        assertThat(unreadable.identity()).isEqualTo(IDENTITY);
    }

    @Test
    void anIdentityBeyondTheSizeLimitIsNotLookedForSoAHugeValueCostsNoMoreThanOneWithinTheLimit() {
        RecordDecoder small = new RecordDecoder(IntakeLimits.DEFAULTS.withMaxValueBytes(200));
        String value = "{\"data\":{\"externalId\":\"" + "c".repeat(300) + "\"}," + HEAD.substring(1) + "\"x\":1}";

        DecodedRecord.Unreadable unreadable = unreadable(small.decode(origin(value)));

        assertThat(unreadable.reason()).isEqualTo(DeadLetterReason.TOO_LARGE);
        assertThat(unreadable.identity()).isNull();
    }

    @Test
    void aKeyOverItsLimitIsSetAsideUnreadButItsSenderIsStillAnswered() {
        RecordDecoder decoder = new RecordDecoder(IntakeLimits.DEFAULTS.withMaxKeyBytes(16));
        RecordOrigin origin = RecordOrigin.of("provisioning.customer-requests.v1", 0, 42, "k".repeat(17), List.of(),
                VALID.getBytes(StandardCharsets.UTF_8));

        DecodedRecord.Unreadable unreadable = unreadable(decoder.decode(origin));

        assertThat(unreadable.reason()).isEqualTo(DeadLetterReason.KEY_TOO_LARGE);
        assertThat(unreadable.detail()).contains("17 bytes").contains("16");
        assertThat(unreadable.identity()).isEqualTo(IDENTITY);
    }

    @Test
    void tooManyHeadersOrTooManyHeaderBytesAreSetAsideAndABinaryModeSenderIsStillAnswered() {
        RecordDecoder decoder = new RecordDecoder(IntakeLimits.DEFAULTS.withMaxHeaders(12, 1024));
        List<RecordOrigin.Header> binary = new ArrayList<>(List.of(header("ce_specversion", "1.0"), header("ce_id", "r-1"),
                header("ce_type", TYPE), header("ce_partnerid", "partner-a"), header("ce_source", "urn:ordering")));
        byte[] data = "{\"externalId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8);

        List<RecordOrigin.Header> many = new ArrayList<>(binary);
        for (int i = 0; i < 8; i++) {
            many.add(header("x-" + i, "v"));
        }
        DecodedRecord.Unreadable tooMany = unreadable(decoder.decode(
                RecordOrigin.of("provisioning.customer-requests.v1", 0, 1, "k", many, data)));
        List<RecordOrigin.Header> large = new ArrayList<>(binary);
        large.add(header("x-large", "v".repeat(1024)));
        DecodedRecord.Unreadable tooLarge = unreadable(decoder.decode(
                RecordOrigin.of("provisioning.customer-requests.v1", 0, 2, "k", large, data)));

        assertThat(tooMany.reason()).isEqualTo(DeadLetterReason.HEADERS_TOO_LARGE);
        assertThat(tooMany.detail()).startsWith("13 headers");
        assertThat(tooMany.identity()).isEqualTo(IDENTITY);
        assertThat(tooLarge.reason()).isEqualTo(DeadLetterReason.HEADERS_TOO_LARGE);
        assertThat(tooLarge.detail()).contains("bytes");
        assertThat(tooLarge.identity()).isEqualTo(IDENTITY);
    }

    @Test
    void aRecordWithinEveryLimitIsRead() {
        RecordDecoder decoder = new RecordDecoder(IntakeLimits.DEFAULTS.withMaxKeyBytes(17).withMaxHeaders(1, 100));
        RecordOrigin origin = RecordOrigin.of("provisioning.customer-requests.v1", 0, 42, "k".repeat(17),
                List.of(header("content-type", "application/cloudevents+json")), VALID.getBytes(StandardCharsets.UTF_8));

        assertThat(decoder.decode(origin)).isInstanceOf(DecodedRecord.Event.class);
    }

    @Test
    void aValueOverTheSizeLimitWithoutReadableIdentityIsTooLargeWithNoIdentity() {
        RecordDecoder small = new RecordDecoder(IntakeLimits.DEFAULTS.withMaxValueBytes(100));

        DecodedRecord.Unreadable unreadable = unreadable(small.decode(origin("{\"data\":\"" + "x".repeat(200) + "\"}")));

        assertThat(unreadable.reason()).isEqualTo(DeadLetterReason.TOO_LARGE);
        assertThat(unreadable.identity()).isNull();
    }

    @Test
    void aValueOfExactlyTheSizeLimitIsNotTooLarge() {
        RecordDecoder exact = new RecordDecoder(IntakeLimits.DEFAULTS.withMaxValueBytes(
                VALID.getBytes(StandardCharsets.UTF_8).length));

        assertThat(exact.decode(origin(VALID))).isInstanceOf(DecodedRecord.Event.class);
    }

    @Test
    void aJsonArrayIsNotACloudEvent() {
        assertThat(unreadable("[{\"id\":\"r-1\"}]").reason()).isEqualTo(DeadLetterReason.NOT_A_CLOUDEVENT);
    }

    @Test
    void anEventWithoutPartnerIdHasNoTenant() {
        String value = "{\"specversion\":\"1.0\",\"id\":\"r-1\",\"source\":\"urn:ordering\",\"type\":\"" + TYPE
                + "\",\"data\":{}}";

        assertThat(unreadable(value).reason()).isEqualTo(DeadLetterReason.MISSING_PARTNER_ID);
    }

    @Test
    void anIdLongerThan128CharactersIsNotACloudEvent() {
        String value = VALID.replace("\"r-1\"", "\"" + "x".repeat(129) + "\"");

        assertThat(unreadable(value).reason()).isEqualTo(DeadLetterReason.NOT_A_CLOUDEVENT);
    }

    @Test
    void aNulCharacterInThePartnerIdIsNotAnEvent() {
        String value = VALID.replace("\"partner-a\"", "\"partner\\u0000a\"");

        DecodedRecord decoded = decoder.decode(origin(value));

        assertThat(decoded).isInstanceOf(DecodedRecord.Unreadable.class);
        assertThat(((DecodedRecord.Unreadable) decoded).identity()).isNull();
    }

    @Test
    void anAvroContentTypeIsUnsupported() {
        DecodedRecord decoded = decoder.decode(origin(VALID, "content-type", "application/avro"));

        assertThat(reasonOf(decoded)).isEqualTo(DeadLetterReason.UNSUPPORTED_CONTENT_TYPE);
    }

    // --- helpers --------------------------------------------------------------------------------

    private DecodedRecord.Unreadable unreadable(String value) {
        return unreadable(decoder.decode(origin(value)));
    }

    private static DecodedRecord.Unreadable unreadable(DecodedRecord decoded) {
        assertThat(decoded).isInstanceOf(DecodedRecord.Unreadable.class);
        return (DecodedRecord.Unreadable) decoded;
    }

    private static DeadLetterReason reasonOf(DecodedRecord decoded) {
        return unreadable(decoded).reason();
    }

    private static RecordOrigin origin(String value, String... headers) {
        List<RecordOrigin.Header> list = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            list.add(new RecordOrigin.Header(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return RecordOrigin.of("provisioning.customer-requests.v1", 0, 42, "partner-a/c-1", list,
                value.getBytes(StandardCharsets.UTF_8));
    }

    private static RecordOrigin.Header header(String key, String value) {
        return new RecordOrigin.Header(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
