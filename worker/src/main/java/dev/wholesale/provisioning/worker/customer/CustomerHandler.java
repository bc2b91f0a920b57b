package dev.wholesale.provisioning.worker.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;
import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;
import dev.wholesale.provisioning.contracts.customer.DeleteCustomerRequest;
import dev.wholesale.provisioning.contracts.customer.UpdateCustomerRequest;
import dev.wholesale.provisioning.contracts.result.Administrator;
import dev.wholesale.provisioning.contracts.result.Change;
import dev.wholesale.provisioning.contracts.result.CustomerChanges;
import dev.wholesale.provisioning.contracts.result.CustomerDeprovisioned;
import dev.wholesale.provisioning.contracts.result.CustomerUpdated;
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.worker.packages.PackageRules;
import dev.wholesale.provisioning.worker.request.Outcome;
import dev.wholesale.provisioning.worker.request.ProvisioningRequest;
import dev.wholesale.provisioning.worker.request.RequestHandler;
import dev.wholesale.provisioning.worker.subscriber.Subscribers;

import tools.jackson.databind.json.JsonMapper;

/**
 * Customer organisations: created (see {@link CreatingCustomers}), upgraded, renamed, deprovisioned.
 */
@Component
public class CustomerHandler implements RequestHandler {

    private final CreatingCustomers creating;
    private final CustomerRepository customers;
    private final Locations locations;
    private final Subscribers subscribers;
    private final JsonMapper json;
    private final Clock clock;

    public CustomerHandler(CreatingCustomers creating, CustomerRepository customers, Locations locations,
                           Subscribers subscribers, JsonMapper json, Clock clock) {
        this.creating = creating;
        this.customers = customers;
        this.locations = locations;
        this.subscribers = subscribers;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Set<RequestType> types() {
        return Set.of(RequestType.CUSTOMER_CREATE, RequestType.CUSTOMER_UPDATE, RequestType.CUSTOMER_DELETE);
    }

    @Override
    public Outcome handle(ProvisioningRequest request) {
        return switch (request.type()) {
            case CUSTOMER_CREATE -> creating.createAll(List.of(request)).get(0);
            case CUSTOMER_UPDATE -> update(request, json.treeToValue(request.data(), UpdateCustomerRequest.class));
            case CUSTOMER_DELETE -> delete(request, json.treeToValue(request.data(), DeleteCustomerRequest.class));
            default -> throw new IllegalArgumentException(request.type().toString());
        };
    }

    /** Creates that arrive one after the other are applied as a set; other requests one by one. */
    @Override
    public List<Outcome> handleAll(List<ProvisioningRequest> requests) {
        if (requests.stream().allMatch(request -> request.type() == RequestType.CUSTOMER_CREATE)) {
            return creating.createAll(requests);
        }
        return RequestHandler.super.handleAll(requests);
    }

    private Outcome update(ProvisioningRequest request, UpdateCustomerRequest update) {
        Optional<Customer> found = customers.findActive(request.partnerId(), update.externalId());
        if (found.isEmpty()) {
            return new Outcome.AwaitCustomer();
        }
        Customer before = found.get();
        List<ResultError> errors = new ArrayList<>();
        ServicePackage newPackage = update.servicePackage() != null ? update.servicePackage() : before.servicePackage();
        if (!PackageRules.mayMove(before.servicePackage(), newPackage)) {
            errors.add(new ResultError(ErrorCode.PACKAGE_DOWNGRADE_NOT_ALLOWED, "a customer on "
                    + before.servicePackage().wire() + " cannot move to " + newPackage.wire(), "/package"));
        }
        Map<ServicePackage, Integer> newLimits = update.packageLimits() != null ? limits(update.packageLimits())
                : before.packageLimits();
        if (update.packageLimits() != null) {
            Map<ServicePackage, Integer> inUse = subscribers.countByPackage(before.id());
            if (!newPackage.equals(before.servicePackage())) {
                inUse.merge(before.servicePackage(), -1, Integer::sum);
                inUse.merge(newPackage, 1, Integer::sum);
            }
            newLimits.forEach((servicePackage, limit) -> {
                int used = inUse.getOrDefault(servicePackage, 0);
                if (used > limit) {
                    errors.add(new ResultError(ErrorCode.PACKAGE_LIMIT_EXCEEDED, used + " users already have "
                            + servicePackage.wire() + ", more than the new limit of " + limit,
                            "/packageLimits/" + servicePackage.wire()));
                }
            });
        }
        if (!errors.isEmpty()) {
            return Outcome.rejected(request, before.externalId(), errors);
        }
        String newName = update.customerInfo() != null && update.customerInfo().name() != null
                ? update.customerInfo().name() : before.name();
        Customer after = new Customer(before.id(), before.partnerId(), before.externalId(), before.provisioningId(), newName,
                before.primaryEmail(), before.language(), newPackage, newLimits, before.region(),
                before.headquartersLocationId(), before.administratorId());
        Instant now = clock.instant();
        customers.update(after, now);
        if (after.servicePackage() != before.servicePackage()) {
            subscribers.changeAdministratorPackage(after.id(), after.servicePackage(), now);
        }
        CustomerChanges changes = new CustomerChanges(
                changed(before.servicePackage(), after.servicePackage()),
                changed(before.packageLimits(), after.packageLimits()),
                changed(before.name(), after.name()));
        CustomerUpdated result = new CustomerUpdated(request.requestId(), request.type().wire(), ResultStatus.SUCCEEDED,
                List.of(), after.id().toString(), after.externalId(), changes, administrator(after));
        return new Outcome.Result(ResultType.CUSTOMER_UPDATED, after.externalId(), result, ResultStatus.SUCCEEDED);
    }

    private Outcome delete(ProvisioningRequest request, DeleteCustomerRequest delete) {
        Optional<Customer> found = customers.findActive(request.partnerId(), delete.externalId());
        if (found.isEmpty()) {
            return new Outcome.AwaitCustomer();
        }
        Customer customer = found.get();
        Instant now = clock.instant();
        Map<ServicePackage, Integer> removed = subscribers.deleteAllOf(customer.id());
        locations.deleteAllOf(customer.id());
        customers.markDeprovisioned(customer, now);
        int total = removed.values().stream().mapToInt(Integer::intValue).sum();
        CustomerDeprovisioned result = new CustomerDeprovisioned(request.requestId(), request.type().wire(),
                ResultStatus.SUCCEEDED, List.of(), customer.id().toString(), customer.externalId(), removed, total);
        return new Outcome.Result(ResultType.CUSTOMER_DEPROVISIONED, customer.externalId(), result, ResultStatus.SUCCEEDED);
    }

    private static Administrator administrator(Customer customer) {
        return new Administrator(customer.administratorId().toString(), customer.primaryEmail(), customer.servicePackage());
    }

    private static <T> Change<T> changed(T before, T after) {
        return java.util.Objects.equals(before, after) ? null : new Change<>(before, after);
    }

    private static Map<ServicePackage, Integer> limits(Map<ServicePackage, Integer> limits) {
        return limits == null ? null : new EnumMap<>(limits);
    }
}
