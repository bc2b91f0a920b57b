package dev.wholesale.provisioning.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** What the intake makes of a record before any work is done on it. */
class RecordDecoderTest {

    private static final String VALID = """
            {"specversion":"1.0","id":"r-1","source":"urn:t","type":"provisioning.customer.delete.v1",
             "partnerid":"partner-a","data":{"externalId":"c-1"}}""";

    private final RecordDecoder decoder = new RecordDecoder(IntakeLimits.defaults());

    @Test
    void aStructuredEventIsReadWithItsIdentity() {
        DecodedRecord decoded = decoder.decode(origin(VALID, "content-type", "application/cloudevents+json"));
        assertThat(decoded).isInstanceOf(DecodedRecord.Event.class);
        assertThat(((DecodedRecord.Event) decoded).identity())
                .isEqualTo(new RequestIdentity("partner-a", "r-1", "provisioning.customer.delete.v1"));
    }

    @Test
    void aBinaryModeEventIsTurnedIntoTheStructuredForm() {
        DecodedRecord decoded = decoder.decode(origin("{\"externalId\":\"c-1\"}", "ce_specversion", "1.0", "ce_id", "r-2",
                "ce_type", "provisioning.customer.delete.v1", "ce_source", "urn:t", "ce_partnerid", "partner-a",
                "content-type", "application/json"));
        DecodedRecord.Event event = (DecodedRecord.Event) decoded;
        assertThat(event.identity().requestId()).isEqualTo("r-2");
        assertThat(event.event().path("data").path("externalId").asString()).isEqualTo("c-1");
        assertThat(event.event().path("datacontenttype").asString()).isEqualTo("application/json");
    }

    @Test
    void truncatedJsonIsDeadLetteredButItsSenderCanStillBeAnswered() {
        DecodedRecord.Unreadable unreadable = unreadable(VALID.substring(0, VALID.indexOf("\"data\"") + 10));
        assertThat(unreadable.reason()).isEqualTo(DeadLetterReason.NOT_JSON);
        assertThat(unreadable.identity()).isEqualTo(new RequestIdentity("partner-a", "r-1", "provisioning.customer.delete.v1"));
    }

    @Test
    void anAmbiguousIdentityIsNotSalvaged() {
        DecodedRecord.Unreadable unreadable = unreadable("{\"id\":\"a\",\"id\":\"b\",\"type\":\"t\",\"partnerid\":\"p\",\"data\":{");
        assertThat(unreadable.identity()).isNull();
    }

    @Test
    void eachKindOfUnreadableRecordHasItsReason() {
        assertThat(unreadable("not json at all").reason()).isEqualTo(DeadLetterReason.NOT_JSON);
        assertThat(unreadable("").reason()).isEqualTo(DeadLetterReason.NOT_JSON);
        assertThat(unreadable("{\"a\":1,\"a\":2}").reason()).isEqualTo(DeadLetterReason.DUPLICATE_KEY);
        assertThat(unreadable("[1,2,3]").reason()).isEqualTo(DeadLetterReason.NOT_A_CLOUDEVENT);
        assertThat(unreadable("[".repeat(40) + "]".repeat(40)).reason()).isEqualTo(DeadLetterReason.TOO_DEEP);
        assertThat(unreadable(VALID.replace("\"partnerid\":\"partner-a\",", "")).reason())
                .isEqualTo(DeadLetterReason.MISSING_PARTNER_ID);
        assertThat(unreadable(VALID.replace("\"r-1\"", "\"" + "x".repeat(129) + "\"")).reason())
                .isEqualTo(DeadLetterReason.NOT_A_CLOUDEVENT);
        assertThat(unreadable(VALID.replace("partner-a", "partner\\u0000a")).reason())
                .isEqualTo(DeadLetterReason.NOT_A_CLOUDEVENT);
        assertThat(unreadable(VALID.replace("c-1", "c".repeat(20_000))).reason()).isEqualTo(DeadLetterReason.TOKEN_TOO_LONG);
        assertThat(((DecodedRecord.Unreadable) decoder.decode(origin(VALID, "content-type", "application/avro"))).reason())
                .isEqualTo(DeadLetterReason.UNSUPPORTED_CONTENT_TYPE);
    }

    @Test
    void aRecordOverTheSizeLimitIsNotParsedButItsIdentityIsStillRead() {
        RecordDecoder small = new RecordDecoder(new IntakeLimits(DataSize.ofBytes(100), 0, 0));
        DecodedRecord.Unreadable unreadable = (DecodedRecord.Unreadable) small.decode(origin(VALID + " ".repeat(100)));
        assertThat(unreadable.reason()).isEqualTo(DeadLetterReason.TOO_LARGE);
        assertThat(unreadable.identity().requestId()).isEqualTo("r-1");
    }

    private DecodedRecord.Unreadable unreadable(String value) {
        DecodedRecord decoded = decoder.decode(origin(value));
        assertThat(decoded).isInstanceOf(DecodedRecord.Unreadable.class);
        return (DecodedRecord.Unreadable) decoded;
    }

    private static RecordOrigin origin(String value, String... headers) {
        List<RecordOrigin.Header> list = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            list.add(new RecordOrigin.Header(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return new RecordOrigin("topic", 0, 7, "key", list, value.getBytes(StandardCharsets.UTF_8));
    }
}
