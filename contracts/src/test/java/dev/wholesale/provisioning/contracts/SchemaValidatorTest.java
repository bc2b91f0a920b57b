package dev.wholesale.provisioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;
import dev.wholesale.provisioning.contracts.validation.FieldError;
import dev.wholesale.provisioning.contracts.validation.SchemaValidator;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the worker relies on when it reuses the validator at runtime. */
class SchemaValidatorTest {

    private static final SchemaValidator REQUESTS = SchemaValidator.forRequests();
    private static final SchemaValidator RESULTS = SchemaValidator.forResults();

    @Test
    void anUnknownTypeIsAnUnsupportedTypeAndNothingElse() {
        ObjectNode event = example("provisioning.customer.create.v1.json");
        event.put("type", "provisioning.customer.rename.v1");
        event.putObject("data").put("externalId", 42);

        assertThat(REQUESTS.validate(event)).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.UNSUPPORTED_TYPE);
            assertThat(error.attribute()).isEqualTo("type");
            assertThat(error.pointer()).isNull();
        });
    }

    @Test
    void aResultTypeIsNotARequestType() {
        ObjectNode event = example("provisioning.customer.create.v1.json");
        event.put("type", "provisioning.customer.provisioned.v1");

        assertThat(REQUESTS.validate(event)).extracting(FieldError::code).containsExactly(ErrorCode.UNSUPPORTED_TYPE);
    }

    @Test
    void anUnconfirmedHeadquartersPassesTheSchemaForTheWorkerToRefuse() {
        ObjectNode event = example("provisioning.customer.create.v1.json");
        ((ObjectNode) event.get("data")).put("webexSupportedLocationConfirmed", false);

        assertThat(REQUESTS.validate(event)).isEmpty();
    }

    @Test
    void unknownPropertiesAreAllowedEverywhere() {
        ObjectNode event = example("provisioning.users.add.v1.json");
        event.put("comexampleextension", "value");
        ((ObjectNode) event.get("data")).put("orderReference", "PO-77");
        ((ObjectNode) event.at("/data/users/0")).put("costCentre", "4711");

        assertThat(REQUESTS.validate(event)).isEmpty();
    }

    @Test
    void aFieldBreakingTwoRulesIsOneErrorGivingBothReasons() {
        ObjectNode event = example("provisioning.users.add.v1.json");
        ((ObjectNode) event.at("/data/users/1")).put("email", "b".repeat(300));

        assertThat(REQUESTS.validate(event)).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo("/users/1/email");
            assertThat(error.message()).contains("at most 254 characters").contains("e-mail address");
        });
    }

    /** However the sender's parser reads them: exact decimals, doubles, or integers beyond a long. */
    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1e999999999", "1e22", "10000000000000000000000.5", "99999999999999999999"})
    void aNumberFarBeyondItsBoundIsOneErrorAtItsField(String number) {
        for (JsonMapper mapper : List.of(Examples.JSON,
                JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build())) {
            ObjectNode event = (ObjectNode) mapper.readTree(example("provisioning.customer.create.v1.json").toString()
                    .replaceFirst("(\"packageLimits\":\\{\"[a-z_]+\":)[0-9]+", "$1" + number));

            assertThat(REQUESTS.validate(event)).as(number).singleElement().satisfies(error -> {
                assertThat(error.pointer()).startsWith("/packageLimits/");
                assertThat(error.message()).containsAnyOf("maximum value of 1000000", "minimum value of 0");
            });
        }
    }

    @Test
    void aMissingFieldIsReportedAtTheFieldItself() {
        ObjectNode event = example("provisioning.customer.create.v1.json");
        ((ObjectNode) event.at("/data/headquarters/address")).remove("country");

        assertThat(REQUESTS.validate(event)).extracting(FieldError::pointer)
                .containsExactly("/headquarters/address/country");
    }

    @Test
    void aMissingDataIsAnAttributeErrorWhileABrokenDataIsAnErrorAtTheEmptyPointer() {
        ObjectNode missing = example("provisioning.customer.delete.v1.json");
        missing.remove("data");
        ObjectNode notAnObject = example("provisioning.customer.delete.v1.json");
        notAnObject.put("data", "cust-1001");

        assertThat(REQUESTS.validate(missing)).singleElement()
                .satisfies(error -> assertThat(error.attribute()).isEqualTo("data"));
        assertThat(REQUESTS.validate(notAnObject)).singleElement()
                .satisfies(error -> assertThat(error.pointer()).isEmpty());
    }

    @Test
    void anEventThatIsNotAnObjectIsOneErrorAboutNoFieldInParticular() {
        JsonNode notAnObject = Examples.JSON.readTree("[1, 2, 3]");

        assertThat(REQUESTS.validate(notAnObject)).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isNull();
            assertThat(error.attribute()).isNull();
        });
    }

    @Test
    void messagesAreEnglishWhateverTheLocaleOfTheJvm() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("da-DK"));
            SchemaValidator builtUnderDanish = SchemaValidator.forRequests();
            ObjectNode event = example("provisioning.template.create.v1.json");
            ((ObjectNode) event.get("data")).put("brandName", "b".repeat(65));

            assertThat(builtUnderDanish.validate(event)).singleElement()
                    .satisfies(error -> assertThat(error.message()).isEqualTo("must be at most 64 characters long"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void resultsOtherThanRejectionsNameTheirSubject() {
        ObjectNode provisioned = example("provisioning.customer.provisioned.v1.json");
        provisioned.remove("subject");
        ObjectNode rejected = example("provisioning.request.rejected.v1.json");
        rejected.remove("subject");

        assertThat(RESULTS.validate(provisioned)).extracting(FieldError::attribute).containsExactly("subject");
        assertThat(RESULTS.validate(rejected)).isEmpty();
    }

    @Test
    void aResultAnswersTheRequestTypeItBelongsTo() {
        ObjectNode event = example("provisioning.template.created.v1.json");
        ((ObjectNode) event.get("data")).put("requestType", "provisioning.template.delete.v1");

        assertThat(RESULTS.validate(event)).extracting(FieldError::pointer).containsExactly("/requestType");
    }

    @Test
    void oneValidatorServesManyThreadsAlike() throws Exception {
        List<Path> examples = Examples.invalid();
        List<List<FieldError>> alone = examples.stream().map(path -> REQUESTS.validate(Examples.read(path))).toList();

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<FieldError>>> together = IntStream.range(0, examples.size() * 8)
                    .mapToObj(i -> threads.submit(() -> REQUESTS.validate(Examples.read(examples.get(i % examples.size())))))
                    .toList();
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).as(examples.get(i % examples.size()).toString())
                        .isEqualTo(alone.get(i % examples.size()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static ObjectNode example(String name) {
        return (ObjectNode) Examples.read(Examples.ROOT.resolve("valid").resolve(name));
    }
}
