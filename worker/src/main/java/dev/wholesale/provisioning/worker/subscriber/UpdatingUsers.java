package dev.wholesale.provisioning.worker.subscriber;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;
import dev.wholesale.provisioning.contracts.catalogue.ItemOutcome;
import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.result.UserOutcome;
import dev.wholesale.provisioning.contracts.users.UserChange;
import dev.wholesale.provisioning.worker.customer.Customer;
import dev.wholesale.provisioning.worker.customer.CustomerRepository;
import dev.wholesale.provisioning.worker.customer.Locations;
import dev.wholesale.provisioning.worker.packages.PackageRules;
import dev.wholesale.provisioning.worker.request.Outcome;
import dev.wholesale.provisioning.worker.request.ProvisioningRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes users' package (upgrades only), location, number or extension, user by user. Numbers
 * and extensions are checked against the store as it was before the request, so a request that
 * swaps two users' numbers is refused rather than half-applied.
 */
@Component
public class UpdatingUsers extends UsersRequestHandler {

    private final Locations locations;
    private final Subscribers subscribers;
    private final JsonMapper json;
    private final Clock clock;

    public UpdatingUsers(CustomerRepository customers, Locations locations, Subscribers subscribers, JsonMapper json,
                         Clock clock) {
        super(customers, RequestType.USERS_UPDATE);
        this.locations = locations;
        this.subscribers = subscribers;
        this.json = json;
        this.clock = clock;
    }

    @Override
    Outcome.Result handle(ProvisioningRequest request, Customer customer) {
        JsonNode items = request.data().path("users");
        List<String> emails = new ArrayList<>();
        items.forEach(item -> emails.add(item.path("email").asString("").toLowerCase(Locale.ROOT)));
        Map<String, Subscriber> existing = subscribers.findByEmails(customer.id(), emails);
        Map<String, Locations.Site> sites = locations.byName(customer.id());
        Map<UUID, Locations.Site> sitesById = new HashMap<>();
        sites.values().forEach(site -> sitesById.put(site.id(), site));
        Map<ServicePackage, Integer> used = customer.packageLimits() == null ? Map.of()
                : subscribers.countByPackage(customer.id());
        Set<String> seenEmails = new HashSet<>();
        Set<String> claimedNumbers = new HashSet<>();
        Set<String> claimedExtensions = new HashSet<>();
        UsersReport report = new UsersReport();
        Instant now = clock.instant();
        for (int i = 0; i < items.size(); i++) {
            String pointer = "/users/" + i;
            List<ResultError> errors = new ArrayList<>(request.itemErrors().of("/users", i));
            if (!errors.isEmpty()) {
                report.user(refused(items.get(i), errors));
                continue;
            }
            UserChange change = json.treeToValue(items.get(i), UserChange.class);
            Subscriber before = existing.get(emails.get(i));
            if (!seenEmails.add(emails.get(i))) {
                errors.add(new ResultError(ErrorCode.DUPLICATE_IN_REQUEST, "this user is changed twice in the request",
                        pointer + "/email"));
            } else if (before == null) {
                errors.add(new ResultError(ErrorCode.USER_NOT_FOUND, "the customer has no user with this e-mail",
                        pointer + "/email"));
            }
            if (!errors.isEmpty()) {
                report.user(refused(items.get(i), errors));
                continue;
            }
            ServicePackage newPackage = change.servicePackage() != null ? change.servicePackage() : before.servicePackage();
            if (before.administrator() && newPackage != before.servicePackage()) {
                errors.add(new ResultError(ErrorCode.ADMINISTRATOR_PROTECTED,
                        "the administrator keeps the customer's package", pointer + "/package"));
            } else if (!PackageRules.mayMove(before.servicePackage(), newPackage)) {
                errors.add(new ResultError(ErrorCode.PACKAGE_DOWNGRADE_NOT_ALLOWED, "a user on "
                        + before.servicePackage().wire() + " cannot move to " + newPackage.wire(), pointer + "/package"));
            }
            Locations.Site site = change.location() != null ? sites.get(change.location()) : sitesById.get(before.locationId());
            if (site == null) {
                errors.add(new ResultError(ErrorCode.LOCATION_NOT_FOUND,
                        "the customer has no location named '" + change.location() + "'", pointer + "/location"));
            }
            String number = change.primaryPhoneNumber() != null ? change.primaryPhoneNumber() : before.phoneNumber();
            String extension = change.extension() != null ? change.extension() : before.extension();
            if (site != null && number != null && (change.primaryPhoneNumber() != null || change.location() != null)) {
                PhoneNumbers.Verdict verdict = PhoneNumbers.check(number, site.country());
                if (verdict instanceof PhoneNumbers.Verdict.Invalid invalid) {
                    errors.add(new ResultError(ErrorCode.PHONE_NUMBER_INVALID, "the number " + invalid.reason(),
                            pointer + "/primaryPhoneNumber"));
                } else {
                    number = ((PhoneNumbers.Verdict.Valid) verdict).e164();
                }
            }
            if (PackageRules.includesCalling(newPackage) && number == null && extension == null) {
                errors.add(new ResultError(ErrorCode.PHONE_NUMBER_REQUIRED, newPackage.wire()
                        + " includes calling: give a phone number or an extension", pointer + "/primaryPhoneNumber"));
            }
            boolean newNumber = number != null && !number.equals(before.phoneNumber());
            if (newNumber && (!claimedNumbers.add(number) || !subscribers.phoneNumbersInUse(List.of(number)).isEmpty())) {
                errors.add(new ResultError(ErrorCode.PHONE_NUMBER_IN_USE, "the number is assigned to another user",
                        pointer + "/primaryPhoneNumber"));
            }
            boolean extensionMoves = extension != null && site != null
                    && (!extension.equals(before.extension()) || !site.id().equals(before.locationId()));
            if (extensionMoves && (!claimedExtensions.add(site.id() + "/" + extension)
                    || !subscribers.extensionsInUse(site.id(), List.of(extension)).isEmpty())) {
                errors.add(new ResultError(ErrorCode.EXTENSION_IN_USE, "the extension is taken at this location",
                        pointer + "/extension"));
            }
            Integer limit = customer.limitOf(newPackage);
            if (errors.isEmpty() && newPackage != before.servicePackage() && limit != null
                    && used.getOrDefault(newPackage, 0) + 1 > limit) {
                errors.add(new ResultError(ErrorCode.PACKAGE_LIMIT_EXCEEDED, "the customer may have at most " + limit
                        + " users with " + newPackage.wire(), pointer + "/package"));
            }
            if (!errors.isEmpty()) {
                report.user(refused(items.get(i), errors));
                continue;
            }
            if (newPackage != before.servicePackage() && !used.isEmpty()) {
                used.merge(newPackage, 1, Integer::sum);
                used.merge(before.servicePackage(), -1, Integer::sum);
            }
            Subscriber after = before.with(site.id(), newPackage, number, extension);
            subscribers.update(after, now);
            report.user(new UserOutcome(change.email(), ItemOutcome.SUCCEEDED, after.id().toString(), newPackage,
                    newPackage != before.servicePackage() ? before.servicePackage() : null, site.name(),
                    site.id().toString(), number, extension, List.of()));
        }
        return report.toResult(request, ResultType.USERS_UPDATED, customer);
    }

    private static UserOutcome refused(JsonNode item, List<ResultError> errors) {
        return new UserOutcome(item.path("email").asString(null), ItemOutcome.REJECTED, null, null, null,
                item.path("location").asString(null), null, null, null, errors);
    }
}
