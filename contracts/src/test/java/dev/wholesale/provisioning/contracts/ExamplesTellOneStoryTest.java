package dev.wholesale.provisioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;

import tools.jackson.databind.JsonNode;

/**
 * The valid examples are one story (partner-acme onboards Fjord Bakery, sets it up, changes it,
 * removes it) and follow the catalogue's rules, so a reader can trust them as documentation.
 */
class ExamplesTellOneStoryTest {

    private static final List<JsonNode> VALID = Examples.valid().stream().map(Examples::read).toList();
    private static final Map<String, JsonNode> REQUESTS_BY_ID = new HashMap<>();

    static {
        Stream.concat(Examples.valid().stream(), Examples.invalid().stream()).map(Examples::read)
                .filter(event -> RequestType.fromWire(event.path("type").asString()).isPresent())
                .forEach(request -> REQUESTS_BY_ID.put(request.path("id").asString(), request));
    }

    @Test
    void everythingHappensForOnePartner() {
        assertThat(VALID).allSatisfy(event -> assertThat(event.path("partnerid").asString()).isEqualTo("partner-acme"));
    }

    @Test
    void everyResultAnswersARequestExampleAfterItWasSent() {
        for (JsonNode result : results()) {
            JsonNode request = REQUESTS_BY_ID.get(result.at("/data/requestId").asString());
            assertThat(request).as("the request %s answers", result.at("/data/requestId").asString()).isNotNull();
            assertThat(result.at("/data/requestType").asString()).isEqualTo(request.path("type").asString());
            assertThat(OffsetDateTime.parse(result.path("time").asString()))
                    .isAfter(OffsetDateTime.parse(request.path("time").asString()));
        }
    }

    @Test
    void everyTemplateACustomerOrRequestNamesIsOneTheStoryCreated() {
        Set<String> created = new HashSet<>();
        ofType(ResultType.TEMPLATE_CREATED.wire()).forEach(result -> created.add(result.at("/data/template/provisioningId").asString()));
        List<String> named = new ArrayList<>();
        VALID.stream().filter(event -> !event.at("/data/provisioningId").isMissingNode())
                .forEach(event -> named.add(event.at("/data/provisioningId").asString()));

        assertThat(named).isNotEmpty();
        assertThat(created).containsAll(named);
    }

    @Test
    void theStatusOfAUsersResultFollowsFromItsItems() {
        for (JsonNode result : results()) {
            JsonNode data = result.path("data");
            if (!data.has("users")) {
                continue;
            }
            List<String> outcomes = new ArrayList<>();
            data.path("locations").forEach(item -> outcomes.add(item.path("outcome").asString()));
            data.path("users").forEach(item -> outcomes.add(item.path("outcome").asString()));
            String expected = !outcomes.contains("REJECTED") ? "SUCCEEDED"
                    : !outcomes.contains("SUCCEEDED") ? "REJECTED" : "PARTIALLY_SUCCEEDED";
            assertThat(data.path("status").asString()).as(result.path("id").asString()).isEqualTo(expected);
        }
    }

    @Test
    void countsPerPackageCountTheUsersThatWentThrough() {
        for (JsonNode result : results()) {
            JsonNode data = result.path("data");
            if (!data.has("countsPerPackage")) {
                continue;
            }
            Map<String, Integer> counted = new TreeMap<>();
            data.path("users").forEach(user -> {
                if (user.path("outcome").asString().equals("SUCCEEDED")) {
                    counted.merge(user.path("package").asString(), 1, Integer::sum);
                }
            });
            assertThat(counted).isEqualTo(counts(data.path("countsPerPackage")));
        }
    }

    @Test
    void aDeprovisionedCustomersTotalIsTheSumOfItsPackages() {
        for (JsonNode result : ofType(ResultType.CUSTOMER_DEPROVISIONED.wire())) {
            int sum = counts(result.at("/data/usersRemoved")).values().stream().mapToInt(Integer::intValue).sum();
            assertThat(result.at("/data/usersRemovedTotal").asInt()).isEqualTo(sum);
        }
    }

    /**
     * A number the worker accepts must be valid and of its location's country by libphonenumber;
     * the examples' outcomes say which ones went through.
     */
    @Test
    void phoneNumbersThatWentThroughAreValidNumbersOfTheirLocationsCountry() {
        Map<String, String> countryOfLocation = new HashMap<>();
        VALID.stream().filter(event -> !Examples.isResult(event)).flatMap(event -> locationsOf(event).stream())
                .forEach(location -> countryOfLocation.put(location.path("name").asString(),
                        location.at("/address/country").asString()));
        int checked = 0;
        for (JsonNode result : results()) {
            for (JsonNode user : result.at("/data/users")) {
                if (!user.has("primaryPhoneNumber") || !user.has("location")) {
                    continue;
                }
                boolean wentThrough = user.path("outcome").asString().equals("SUCCEEDED");
                String country = countryOfLocation.get(user.path("location").asString());
                assertThat(isNumberOf(user.path("primaryPhoneNumber").asString(), country))
                        .as("%s at %s (%s)", user.path("primaryPhoneNumber").asString(), user.path("location").asString(), country)
                        .isEqualTo(wentThrough);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    private static List<JsonNode> locationsOf(JsonNode event) {
        List<JsonNode> locations = new ArrayList<>();
        if (!event.at("/data/headquarters").isMissingNode()) {
            locations.add(event.at("/data/headquarters"));
        }
        event.at("/data/locations").forEach(locations::add);
        return locations;
    }

    private static boolean isNumberOf(String number, String country) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            PhoneNumber parsed = util.parse(number, null);
            return util.isValidNumber(parsed) && country.equals(util.getRegionCodeForNumber(parsed));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static Map<String, Integer> counts(JsonNode counts) {
        Map<String, Integer> map = new TreeMap<>();
        counts.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asInt()));
        return map;
    }

    private static List<JsonNode> results() {
        return VALID.stream().filter(Examples::isResult).toList();
    }

    private static List<JsonNode> ofType(String type) {
        return VALID.stream().filter(event -> event.path("type").asString().equals(type)).toList();
    }
}
