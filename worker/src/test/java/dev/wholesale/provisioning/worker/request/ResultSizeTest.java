package dev.wholesale.provisioning.worker.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;
import dev.wholesale.provisioning.contracts.catalogue.ItemOutcome;
import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;
import dev.wholesale.provisioning.contracts.result.LocationOutcome;
import dev.wholesale.provisioning.contracts.result.RequestRejected;
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.result.UserOutcome;
import dev.wholesale.provisioning.contracts.result.UsersResult;
import dev.wholesale.provisioning.contracts.validation.SchemaValidator;
import dev.wholesale.provisioning.worker.config.WorkerProperties;
import dev.wholesale.provisioning.worker.outbox.OutboxRecord;
import dev.wholesale.provisioning.worker.outbox.PublishableSize;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every result fits in one Kafka record, however a request within the intake limits is built:
 * a result the relay cannot publish would hold up every result after it. What went through is
 * always listed in full; detail about refusals is what gives way.
 */
class ResultSizeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaValidator RESULTS = SchemaValidator.forResults();
    private static final String LONG = "x".repeat(300);
    private static final WorkerProperties PROPERTIES = new WorkerProperties(null, null, null, null);
    private final PublishableSize publishable = new PublishableSize(1_048_576);
    private final ResultEnvelopes envelopes = new ResultEnvelopes(JSON, PROPERTIES, publishable);

    @Test
    void theLargestResultOfValidUsersIsPublishedWhole() {
        // 100 locations and 1000 users, every value at the longest the schemas allow.
        List<LocationOutcome> locations = IntStream.range(0, 100).mapToObj(i -> new LocationOutcome(pad("location-" + i, 80),
                ItemOutcome.SUCCEEDED, UUID.randomUUID().toString(), List.of())).toList();
        List<UserOutcome> users = IntStream.range(0, 1000).mapToObj(i -> new UserOutcome(pad(i + "@", 250) + ".dk",
                ItemOutcome.SUCCEEDED, UUID.randomUUID().toString(), ServicePackage.WEBEX_CALLING,
                ServicePackage.WEBEX_MEETINGS, pad("location-" + i % 100, 80), UUID.randomUUID().toString(),
                "+4512345678901234", "1234567890", List.of())).toList();
        UsersResult full = usersResult(ResultStatus.SUCCEEDED, locations, users);

        JsonNode published = publish(full);

        assertThat(published.path("data").path("users")).hasSize(1000);
        assertThat(published.path("data").path("locations")).hasSize(100);
        assertThat(published.path("data").path("errors")).isEmpty();
        assertThat(JSON.treeToValue(published.path("data"), UsersResult.class)).isEqualTo(full);
    }

    @Test
    void refusedUsersBrokenInEveryFieldShowTheirFirstErrorWhenTheFullResultWouldNotFit() {
        List<UserOutcome> users = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            users.add(refusedUser(i, i < 10 ? ItemOutcome.SUCCEEDED : ItemOutcome.REJECTED));
        }
        UsersResult full = usersResult(ResultStatus.PARTIALLY_SUCCEEDED, List.of(), users);
        assertThat(JSON.writeValueAsBytes(full).length).as("the full form").isGreaterThan(limit());

        JsonNode data = publish(full).path("data");

        assertThat(data.path("users")).hasSize(1000);
        JsonNode refused = data.path("users").get(10);
        assertThat(refused.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(refused.path("errors")).singleElement()
                .satisfies(error -> assertThat(error.path("pointer").asString()).isEqualTo("/users/10/email"));
        assertThat(refused.path("email").asString()).hasSize(ResultShortening.MAX_SHORTENED_ECHO);
        assertThat(data.path("users").get(0)).as("a user that went through is listed as it was")
                .isEqualTo(JSON.valueToTree(users.get(0)));
        assertThat(data.path("countsPerPackage").path("webex_calling").asInt()).isEqualTo(10);
        assertThat(data.path("errors")).singleElement().satisfies(error ->
                assertThat(error.path("message").asString()).contains("shortened", "first error only"));
    }

    /**
     * The last resort, which no request within the schema limits needs (the test above shows the
     * worst of them fits after the first step): only what went through is listed.
     */
    @Test
    void whenFirstErrorsOnlyAreNotShortEnoughTheResultListsWhatWentThroughAndCountsTheRefusals() {
        List<UserOutcome> users = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            users.add(refusedUser(i, i % 2 == 0 ? ItemOutcome.SUCCEEDED : ItemOutcome.REJECTED));
        }
        List<LocationOutcome> locations = List.of(new LocationOutcome("Aarhus", ItemOutcome.SUCCEEDED, UUID.randomUUID().toString(), List.of()),
                new LocationOutcome(LONG, ItemOutcome.REJECTED, null, List.of(new ResultError(ErrorCode.COUNTRY_NOT_SUPPORTED,
                        "country 'XX' is not supported", "/locations/1/address/country"))));
        UsersResult full = usersResult(ResultStatus.PARTIALLY_SUCCEEDED, locations, users);

        JsonNode shortest = JSON.valueToTree(ResultShortening.of(full).get(1));

        assertThat(shortest.path("users")).hasSize(500).allSatisfy(user ->
                assertThat(user.path("outcome").asString()).isEqualTo("SUCCEEDED"));
        assertThat(shortest.path("users").get(0)).isEqualTo(JSON.valueToTree(users.get(0)));
        assertThat(shortest.path("locations")).singleElement().satisfies(location ->
                assertThat(location.path("name").asString()).isEqualTo("Aarhus"));
        assertThat(shortest.path("countsPerPackage").path("webex_calling").asInt()).isEqualTo(500);
        assertThat(shortest.path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("code").asString()).isEqualTo("COUNTRY_NOT_SUPPORTED");
            assertThat(error.path("pointer").asString()).isEqualTo("/locations/1/address/country");
            assertThat(error.path("message").asString()).contains("500 refused users and 1 refused locations are not listed");
        });
        assertThat(RESULTS.validate(JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "urn:test").put("type", "provisioning.users.provisioned.v1").put("partnerid", "p")
                .put("subject", "customer-1").put("time", "2026-11-24T09:00:00Z").put("datacontenttype", "application/json")
                .set("data", shortest))).isEmpty();
    }

    @Test
    void aRefusalWithTensOfThousandsOfErrorsListsTheFirstHundredAndCountsTheRest() {
        List<ResultError> errors = IntStream.range(0, 20_000).mapToObj(i -> new ResultError(ErrorCode.VALIDATION_FAILED,
                "property '" + pad("p" + i, 250) + "' is not allowed", "/" + pad("p" + i, 250))).toList();
        RequestRejected full = new RequestRejected("request-1", "provisioning.customer.create.v1", ResultStatus.REJECTED, errors);

        JsonNode data = publish(full, ResultType.REQUEST_REJECTED).path("data");

        assertThat(data.path("errors")).hasSize(ResultShortening.MAX_SHORTENED_ERRORS + 1);
        assertThat(data.path("errors").get(0).path("pointer").asString()).isEqualTo(errors.get(0).pointer());
        assertThat(data.path("errors").get(100).path("message").asString()).contains("19900 further errors are not listed");
    }

    @Test
    void aSmallRefusalIsLeftAlone() {
        RequestRejected small = new RequestRejected("request-1", "provisioning.customer.create.v1", ResultStatus.REJECTED,
                List.of(new ResultError(ErrorCode.VALIDATION_FAILED, "must be a string", "/externalId")));

        assertThat(JSON.treeToValue(publish(small, ResultType.REQUEST_REJECTED).path("data"), RequestRejected.class))
                .isEqualTo(small);
    }

    @Test
    void onATopicThatTakesLessThanTheUsersThatWentThroughNoItemIsListedAndTheCountsStayComplete() {
        publishable.withMaxMessageBytes(PROPERTIES.topics().results(), 64 * 1024);
        List<UserOutcome> users = IntStream.range(0, 1000).mapToObj(i -> new UserOutcome(pad(i + "@", 60) + ".dk",
                ItemOutcome.SUCCEEDED, UUID.randomUUID().toString(), ServicePackage.WEBEX_CALLING, null, "HQ",
                UUID.randomUUID().toString(), null, Integer.toString(1000 + i), List.of())).toList();

        JsonNode data = publish(usersResult(ResultStatus.SUCCEEDED, List.of(), users)).path("data");

        assertThat(data.path("users")).isEmpty();
        assertThat(data.path("shortened").asBoolean()).isTrue();
        assertThat(data.path("countsPerPackage").path("webex_calling").asInt()).isEqualTo(1000);
        assertThat(data.path("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theSmallestFormOfARefusedResultIsTheSameEventWithTheLastShortenedData() {
        List<UserOutcome> users = IntStream.range(0, 50).mapToObj(i -> refusedUser(i, ItemOutcome.REJECTED)).toList();
        OutboxRecord full = envelopes.envelope(UUID.randomUUID(), "partner-1", new Outcome.Result(ResultType.USERS_PROVISIONED,
                "customer-1", usersResult(ResultStatus.REJECTED, List.of(), users), ResultStatus.REJECTED), null, Instant.EPOCH);

        OutboxRecord smallest = envelopes.smallestForm(full).orElseThrow();

        JsonNode event = JSON.readTree(smallest.payload());
        assertThat(RESULTS.validate(event)).isEmpty();
        assertThat(event.path("id").asString()).isEqualTo(full.eventId());
        assertThat(event.path("data").path("users")).isEmpty();
        assertThat(event.path("data").path("errors")).singleElement()
                .satisfies(error -> assertThat(error.path("pointer").asString()).isEqualTo("/users/0/email"));
        assertThat(smallest.key()).isEqualTo(full.key());
        assertThat(smallest.payload().length).isLessThan(2_000);
    }

    @Test
    void aResultOfBoundedSizeHasNoSmallerForm() {
        OutboxRecord rejected = envelopes.envelope(UUID.randomUUID(), "partner-1", new Outcome.Result(
                ResultType.REQUEST_REJECTED, null, new RequestRejected("r", "t", ResultStatus.REJECTED,
                List.of(new ResultError(ErrorCode.VALIDATION_FAILED, "m", null))), ResultStatus.REJECTED), null, Instant.EPOCH);

        assertThat(envelopes.smallestForm(rejected)).isEmpty();
        assertThat(rejected.key()).as("a refusal that names no customer").isEqualTo("partner-1/");
    }

    private int limit() {
        return publishable.limitFor(PROPERTIES.topics().results());
    }

    private JsonNode publish(UsersResult data) {
        return publish(data, ResultType.USERS_PROVISIONED);
    }

    /** Wraps the data as the worker does; the record must fit and its data must still match the contract. */
    private JsonNode publish(Object data, ResultType type) {
        OutboxRecord record = envelopes.envelope(UUID.randomUUID(), "partner-1",
                new Outcome.Result(type, "customer-1", data, ResultStatus.REJECTED), null, Instant.EPOCH);
        assertThat(record.key()).as("keyed by the customer").isEqualTo("partner-1/customer-1");
        assertThat(publishable.fits(record)).as(PublishableSize.sizeOf(record) + " bytes of the record").isTrue();
        JsonNode event = JSON.readTree(record.payload());
        assertThat(RESULTS.validate(event)).as("the published result against its schema").isEmpty();
        return event;
    }

    private static UsersResult usersResult(ResultStatus status, List<LocationOutcome> locations, List<UserOutcome> users) {
        Map<ServicePackage, Integer> counts = new EnumMap<>(ServicePackage.class);
        users.stream().filter(u -> u.outcome() == ItemOutcome.SUCCEEDED).forEach(u -> counts.merge(u.servicePackage(), 1, Integer::sum));
        return new UsersResult("request-1", "provisioning.users.add.v1", status, List.of(),
                UUID.randomUUID().toString(), "customer-1", locations, users, counts);
    }

    /** A user sent with every field broken (as long as the intake allows), and refused with an error per field. */
    private static UserOutcome refusedUser(int index, ItemOutcome outcome) {
        if (outcome == ItemOutcome.SUCCEEDED) {
            return new UserOutcome("user" + index + "@example.dk", outcome, UUID.randomUUID().toString(),
                    ServicePackage.WEBEX_CALLING, null, "HQ", UUID.randomUUID().toString(), "+4532" + String.format("%06d", index),
                    String.valueOf(1000 + index), List.of());
        }
        List<ResultError> errors = new ArrayList<>();
        for (String field : List.of("email", "firstName", "lastName", "package", "location", "primaryPhoneNumber", "extension")) {
            errors.add(new ResultError(ErrorCode.VALIDATION_FAILED, "must be a string of at most 64 characters",
                    "/users/" + index + "/" + field));
        }
        return new UserOutcome(LONG + index, outcome, null, null, null, LONG, null, LONG, LONG, errors);
    }

    private static String pad(String text, int length) {
        return text + "a".repeat(length - text.length());
    }
}
