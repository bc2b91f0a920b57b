package dev.wholesale.provisioning.worker.subscriber;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import dev.wholesale.provisioning.contracts.customer.Location;
import dev.wholesale.provisioning.contracts.result.LocationOutcome;
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.result.UserOutcome;
import dev.wholesale.provisioning.contracts.users.NewUser;
import dev.wholesale.provisioning.worker.customer.Customer;
import dev.wholesale.provisioning.worker.customer.CustomerRepository;
import dev.wholesale.provisioning.worker.customer.Locations;
import dev.wholesale.provisioning.worker.customer.Timezones;
import dev.wholesale.provisioning.worker.packages.PackageRules;
import dev.wholesale.provisioning.worker.request.Outcome;
import dev.wholesale.provisioning.worker.request.ProvisioningRequest;
import dev.wholesale.provisioning.worker.support.TimeOrderedUuid;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "set up customer" step: new locations, then users with packages and phone numbers, item by
 * item. A refused location refuses the users placed in it; every other user stands on its own.
 */
@Component
public class AddingUsers extends UsersRequestHandler {

    private final Locations locations;
    private final Subscribers subscribers;
    private final JsonMapper json;
    private final Clock clock;

    public AddingUsers(CustomerRepository customers, Locations locations, Subscribers subscribers, JsonMapper json,
                       Clock clock) {
        super(customers, RequestType.USERS_ADD);
        this.locations = locations;
        this.subscribers = subscribers;
        this.json = json;
        this.clock = clock;
    }

    @Override
    Outcome.Result handle(ProvisioningRequest request, Customer customer) {
        Instant now = clock.instant();
        UsersReport report = new UsersReport();
        Map<String, Locations.Site> sites = locations.byName(customer.id());
        Set<String> refusedLocations = addLocations(request, customer, sites, report, now);
        addUsers(request, customer, sites, refusedLocations, report, now);
        return report.toResult(request, ResultType.USERS_PROVISIONED, customer);
    }

    /** Adds the valid new locations to {@code sites}; returns the names of the refused ones. */
    private Set<String> addLocations(ProvisioningRequest request, Customer customer, Map<String, Locations.Site> sites,
                                     UsersReport report, Instant now) {
        Set<String> refused = new HashSet<>();
        List<Locations.NewLocation> accepted = new ArrayList<>();
        JsonNode items = request.data().path("locations");
        for (int i = 0; i < items.size(); i++) {
            String pointer = "/locations/" + i;
            List<ResultError> errors = new ArrayList<>(request.itemErrors().of("/locations", i));
            String name = items.get(i).path("name").asString(null);
            Location location = null;
            if (errors.isEmpty()) {
                location = json.treeToValue(items.get(i), Location.class);
                if (sites.containsKey(name)) {
                    boolean inThisRequest = accepted.stream().anyMatch(added -> added.location().name().equals(name));
                    errors.add(new ResultError(inThisRequest ? ErrorCode.DUPLICATE_IN_REQUEST : ErrorCode.LOCATION_NAME_TAKEN,
                            inThisRequest ? "another location of this request has the same name"
                                    : "the customer already has a location with this name", pointer + "/name"));
                }
                if (!Timezones.isKnown(location.timezone())) {
                    errors.add(new ResultError(ErrorCode.VALIDATION_FAILED, "not an IANA time zone", pointer + "/timezone"));
                }
            }
            if (errors.isEmpty()) {
                UUID id = TimeOrderedUuid.next();
                accepted.add(Locations.NewLocation.of(id, customer.id(), location, customer.language()));
                sites.put(name, new Locations.Site(id, name, location.address().country()));
                report.location(new LocationOutcome(name, ItemOutcome.SUCCEEDED, id.toString(), List.of()));
            } else {
                if (name != null && !sites.containsKey(name)) {
                    refused.add(name);
                }
                report.location(new LocationOutcome(name, ItemOutcome.REJECTED, null, errors));
            }
        }
        locations.insert(accepted, now);
        return refused;
    }

    private void addUsers(ProvisioningRequest request, Customer customer, Map<String, Locations.Site> sites,
                          Set<String> refusedLocations, UsersReport report, Instant now) {
        JsonNode items = request.data().path("users");
        List<Candidate> candidates = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        Set<String> extensions = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String pointer = "/users/" + i;
            List<ResultError> errors = new ArrayList<>(request.itemErrors().of("/users", i));
            NewUser user = errors.isEmpty() ? json.treeToValue(items.get(i), NewUser.class) : null;
            Candidate candidate = new Candidate(i, pointer, items.get(i), user, errors);
            candidates.add(candidate);
            if (user == null) {
                continue;
            }
            candidate.email = user.email().toLowerCase(Locale.ROOT);
            if (!emails.add(candidate.email)) {
                errors.add(new ResultError(ErrorCode.DUPLICATE_IN_REQUEST, "another user of this request has this e-mail",
                        pointer + "/email"));
            }
            candidate.site = sites.get(user.location());
            if (candidate.site == null) {
                errors.add(new ResultError(ErrorCode.LOCATION_NOT_FOUND, refusedLocations.contains(user.location())
                        ? "the location '" + user.location() + "' was refused in this request"
                        : "the customer has no location named '" + user.location() + "'", pointer + "/location"));
            }
            if (PackageRules.includesCalling(user.servicePackage()) && user.primaryPhoneNumber() == null
                    && user.extension() == null) {
                errors.add(new ResultError(ErrorCode.PHONE_NUMBER_REQUIRED, user.servicePackage().wire()
                        + " includes calling: give a phone number or an extension", pointer + "/primaryPhoneNumber"));
            }
            if (user.primaryPhoneNumber() != null && candidate.site != null) {
                PhoneNumbers.Verdict verdict = PhoneNumbers.check(user.primaryPhoneNumber(), candidate.site.country());
                if (verdict instanceof PhoneNumbers.Verdict.Invalid invalid) {
                    errors.add(new ResultError(ErrorCode.PHONE_NUMBER_INVALID, "the number " + invalid.reason(),
                            pointer + "/primaryPhoneNumber"));
                } else {
                    candidate.phoneNumber = ((PhoneNumbers.Verdict.Valid) verdict).e164();
                    if (!numbers.add(candidate.phoneNumber)) {
                        errors.add(new ResultError(ErrorCode.DUPLICATE_IN_REQUEST,
                                "another user of this request has this number", pointer + "/primaryPhoneNumber"));
                    }
                }
            }
            if (user.extension() != null && candidate.site != null
                    && !extensions.add(candidate.site.id() + "/" + user.extension())) {
                errors.add(new ResultError(ErrorCode.DUPLICATE_IN_REQUEST,
                        "another user of this request has this extension at the same location", pointer + "/extension"));
            }
        }
        checkAgainstStore(candidates);
        checkPackageLimits(customer, candidates);
        List<Subscriber> added = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.errors.isEmpty()) {
                NewUser user = candidate.user;
                Subscriber subscriber = new Subscriber(TimeOrderedUuid.next(), customer.id(), candidate.site.id(),
                        candidate.email, user.firstName(), user.lastName(), user.servicePackage(), candidate.phoneNumber,
                        user.extension(), false);
                added.add(subscriber);
                report.user(new UserOutcome(user.email(), ItemOutcome.SUCCEEDED, subscriber.id().toString(),
                        user.servicePackage(), null, user.location(), candidate.site.id().toString(),
                        candidate.phoneNumber, user.extension(), List.of()));
            } else {
                report.user(candidate.refused());
            }
        }
        subscribers.insert(added, now);
    }

    /** E-mails and numbers are global, extensions per location: one query for the whole request. */
    private void checkAgainstStore(List<Candidate> candidates) {
        List<Candidate> open = candidates.stream().filter(c -> c.errors.isEmpty()).toList();
        Subscribers.Taken taken = subscribers.taken(open.stream().map(c -> c.email).toList(),
                open.stream().map(c -> c.phoneNumber).filter(java.util.Objects::nonNull).toList(),
                open.stream().filter(c -> c.user.extension() != null).map(Candidate::siteExtension).toList());
        for (Candidate c : open) {
            if (taken.emails().contains(c.email)) {
                c.errors.add(new ResultError(ErrorCode.EMAIL_ALREADY_IN_USE, "a user with this e-mail already exists",
                        c.pointer + "/email"));
            }
            if (c.phoneNumber != null && taken.phoneNumbers().contains(c.phoneNumber)) {
                c.errors.add(new ResultError(ErrorCode.PHONE_NUMBER_IN_USE, "the number is assigned to another user",
                        c.pointer + "/primaryPhoneNumber"));
            }
            if (c.user.extension() != null && taken.extensions().contains(c.siteExtension())) {
                c.errors.add(new ResultError(ErrorCode.EXTENSION_IN_USE, "the extension is taken at this location",
                        c.pointer + "/extension"));
            }
        }
    }

    /** Users beyond their package's limit are refused, in request order. */
    private void checkPackageLimits(Customer customer, List<Candidate> candidates) {
        if (customer.packageLimits() == null || customer.packageLimits().isEmpty()) {
            return;
        }
        Map<ServicePackage, Integer> used = subscribers.countByPackage(customer.id());
        for (Candidate c : candidates) {
            if (!c.errors.isEmpty()) {
                continue;
            }
            ServicePackage servicePackage = c.user.servicePackage();
            Integer limit = customer.limitOf(servicePackage);
            int now = used.getOrDefault(servicePackage, 0);
            if (limit != null && now + 1 > limit) {
                c.errors.add(new ResultError(ErrorCode.PACKAGE_LIMIT_EXCEEDED, "the customer may have at most " + limit
                        + " users with " + servicePackage.wire(), c.pointer + "/package"));
            } else {
                used.put(servicePackage, now + 1);
            }
        }
    }

    /** One user of the request on its way through the checks. */
    private static final class Candidate {
        final int index;
        final String pointer;
        final JsonNode item;
        final NewUser user;
        final List<ResultError> errors;
        String email;
        String phoneNumber;
        Locations.Site site;

        Candidate(int index, String pointer, JsonNode item, NewUser user, List<ResultError> errors) {
            this.index = index;
            this.pointer = pointer;
            this.item = item;
            this.user = user;
            this.errors = errors;
        }

        Subscribers.LocationExtension siteExtension() {
            return new Subscribers.LocationExtension(site.id(), user.extension());
        }

        UserOutcome refused() {
            return new UserOutcome(item.path("email").asString(null), ItemOutcome.REJECTED, null,
                    user == null ? null : user.servicePackage(), null, item.path("location").asString(null), null,
                    item.path("primaryPhoneNumber").asString(null), item.path("extension").asString(null), errors);
        }
    }
}
