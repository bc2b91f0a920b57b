package dev.wholesale.provisioning.worker.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.validation.SchemaValidator;
import dev.wholesale.provisioning.contracts.intake.DecodedRecord;
import dev.wholesale.provisioning.contracts.intake.IntakeLimits;
import dev.wholesale.provisioning.contracts.intake.RecordDecoder;
import dev.wholesale.provisioning.contracts.intake.RecordOrigin;
import dev.wholesale.provisioning.worker.request.RequestValidator;
import dev.wholesale.provisioning.worker.request.Validation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Intake and validation for arbitrary input: never a crash, exactly what the schema says, one error per field. */
class IntakePropertiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RecordDecoder decoder = new RecordDecoder(IntakeLimits.DEFAULTS);
    private final RequestValidator validator = new RequestValidator(SchemaValidator.forRequests());

    @Property(tries = 500)
    void anyBytesWithAnyHeadersDecodeWithoutThrowing(@ForAll byte[] value, @ForAll("headers") List<RecordOrigin.Header> headers) {
        DecodedRecord decoded = decoder.decode(RecordOrigin.of("t", 0, 0, null, headers, value));
        if (decoded instanceof DecodedRecord.Event event) {
            assertThat(event.identity().partnerId()).isNotBlank().hasSizeLessThanOrEqualTo(128);
            assertThat(event.identity().requestId()).isNotBlank().hasSizeLessThanOrEqualTo(128);
        }
    }

    @Property(tries = 300)
    void aTemplateNameIsValidExactlyWhenItHasOneToEightyCharacters(@ForAll @IntRange(max = 200) int length) {
        Validation validation = validate("provisioning.template.create.v1", Map.of("templateName", "n".repeat(length),
                "country", "DK", "language", "da", "serviceProviderAdminEmail", "a@b.dk", "wholesaleSubscriptionId", "s",
                "brandName", "b"));
        boolean valid = length >= 1 && length <= 80;
        assertThat(validation instanceof Validation.Valid).as("length " + length).isEqualTo(valid);
        if (!valid) {
            assertThat(((Validation.Invalid) validation).errors()).extracting(ResultError::pointer).containsExactly("/templateName");
        }
    }

    @Property(tries = 300)
    void arbitraryDataNeverCrashesValidationAndGetsAtMostOneErrorPerField(@ForAll("data") Map<String, Object> data,
                                                                          @ForAll("types") String type) {
        Validation validation = validate(type, data);
        if (validation instanceof Validation.Invalid invalid) {
            List<String> pointers = new ArrayList<>();
            invalid.errors().stream().filter(e -> e.pointer() != null).forEach(e -> pointers.add(e.pointer()));
            Set<String> distinct = new HashSet<>(pointers);
            assertThat(distinct).hasSameSizeAs(pointers);
            assertThat(invalid.errors()).allSatisfy(error -> assertThat(error.message()).isNotBlank());
        }
    }

    private Validation validate(String type, Object data) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", "r").put("source", "urn:t")
                .put("type", type).put("partnerid", "p");
        event.set("data", JSON.valueToTree(data));
        DecodedRecord decoded = decoder.decode(RecordOrigin.of("t", 0, 0, "k", List.of(),
                JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8)));
        return validator.validate((DecodedRecord.Event) decoded);
    }

    @Provide
    Arbitrary<List<RecordOrigin.Header>> headers() {
        Arbitrary<String> keys = Arbitraries.of("content-type", "ce_specversion", "ce_id", "ce_type", "ce_partnerid",
                "ce_source", "x-other");
        Arbitrary<byte[]> values = Arbitraries.strings().ofMaxLength(40).map(s -> s.getBytes(StandardCharsets.UTF_8));
        return net.jqwik.api.Combinators.combine(keys, values).as(RecordOrigin.Header::new).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of("provisioning.template.create.v1", "provisioning.customer.create.v1",
                "provisioning.users.add.v1", "provisioning.users.update.v1", "provisioning.customer.update.v1");
    }

    @Provide
    Arbitrary<Map<String, Object>> data() {
        Arbitrary<String> names = Arbitraries.of("templateName", "externalId", "customerExternalId", "users", "locations",
                "package", "customerInfo", "headquarters", "country", "email", "provisioningId", "x");
        Arbitrary<Object> leaves = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(100).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.strings().alpha().ofMaxLength(5).list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.maps(names, Arbitraries.strings().ofMaxLength(10)).ofMaxSize(3).map(m -> (Object) m));
        return Arbitraries.maps(names, leaves).ofMaxSize(8);
    }
}
