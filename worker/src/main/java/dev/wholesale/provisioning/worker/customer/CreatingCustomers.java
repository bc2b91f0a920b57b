package dev.wholesale.provisioning.worker.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;
import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;
import dev.wholesale.provisioning.contracts.customer.CreateCustomerRequest;
import dev.wholesale.provisioning.contracts.customer.Location;
import dev.wholesale.provisioning.contracts.result.Administrator;
import dev.wholesale.provisioning.contracts.result.CustomerProvisioned;
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.template.Template;
import dev.wholesale.provisioning.worker.request.Outcome;
import dev.wholesale.provisioning.worker.request.ProvisioningRequest;
import dev.wholesale.provisioning.worker.subscriber.Subscriber;
import dev.wholesale.provisioning.worker.subscriber.Subscribers;
import dev.wholesale.provisioning.worker.support.Ids;
import dev.wholesale.provisioning.worker.support.TimeOrderedUuid;
import dev.wholesale.provisioning.worker.template.TemplateRepository;
import dev.wholesale.provisioning.worker.template.TemplateRepository.TemplateKey;
import dev.wholesale.provisioning.worker.waiting.CustomerLocks.CustomerKey;

import tools.jackson.databind.json.JsonMapper;

/**
 * Creates customers from a template, with a package, a headquarters and their full administrator
 * as the first user, a set at a time. A partner migrating thousands of customers sends them one
 * after the other; one at a time they cost six round trips each, as a set three reads and three
 * writes for all of them.
 *
 * <p>The outcome of each create is what it would be if the set were applied one by one, in order:
 * creates only depend on each other through the uniqueness of the customer's external id and of
 * the administrator's e-mail, and both are checked against the creates earlier in the set as well
 * as against the store.
 */
@Component
public class CreatingCustomers {

    private final CustomerRepository customers;
    private final TemplateRepository templates;
    private final Locations locations;
    private final Subscribers subscribers;
    private final JsonMapper json;
    private final Clock clock;

    public CreatingCustomers(CustomerRepository customers, TemplateRepository templates, Locations locations,
                             Subscribers subscribers, JsonMapper json, Clock clock) {
        this.customers = customers;
        this.templates = templates;
        this.locations = locations;
        this.subscribers = subscribers;
        this.json = json;
        this.clock = clock;
    }

    /** Applies customer.create requests in order; the outcomes are in the same order. */
    public List<Outcome> createAll(List<ProvisioningRequest> requests) {
        List<Create> creates = new ArrayList<>(requests.size());
        for (ProvisioningRequest request : requests) {
            creates.add(new Create(request, json.treeToValue(request.data(), CreateCustomerRequest.class)));
        }
        Store store = storeAsFoundBy(creates);
        Instant now = clock.instant();
        List<Outcome> outcomes = new ArrayList<>(creates.size());
        List<Customer> created = new ArrayList<>();
        List<Locations.NewLocation> headquarters = new ArrayList<>();
        List<Subscriber> administrators = new ArrayList<>();
        for (Create create : creates) {
            List<ResultError> errors = store.refusals(create);
            if (!errors.isEmpty()) {
                outcomes.add(Outcome.rejected(create.request(), create.data().externalId(), errors));
                continue;
            }
            Customer customer = customerOf(create, store.templateOf(create));
            store.taken(customer);
            created.add(customer);
            headquarters.add(Locations.NewLocation.of(customer.headquartersLocationId(), customer.id(),
                    create.data().headquarters(), customer.language()));
            administrators.add(new Subscriber(customer.administratorId(), customer.id(),
                    customer.headquartersLocationId(), customer.primaryEmail(), null, null, customer.servicePackage(),
                    null, null, true));
            outcomes.add(provisioned(create, customer));
        }
        customers.insert(created, now);
        locations.insert(headquarters, now);
        subscribers.insert(administrators, now);
        return outcomes;
    }

    private record Create(ProvisioningRequest request, CreateCustomerRequest data) {
        CustomerKey customerKey() {
            return new CustomerKey(request.partnerId(), data.externalId());
        }

        Optional<TemplateKey> templateKey() {
            return Ids.parse(data.provisioningId()).map(id -> new TemplateKey(request.partnerId(), id));
        }

        String administratorEmail() {
            return data.customerInfo().primaryEmail().toLowerCase(Locale.ROOT);
        }
    }

    /** Reads, in three round trips, what the rules need to know of the store for the whole set. */
    private Store storeAsFoundBy(List<Create> creates) {
        Set<CustomerKey> customerKeys = new LinkedHashSet<>();
        Set<TemplateKey> templateKeys = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        for (Create create : creates) {
            customerKeys.add(create.customerKey());
            create.templateKey().ifPresent(templateKeys::add);
            emails.add(create.administratorEmail());
        }
        return new Store(customers.activeAmong(customerKeys), templates.findForUse(templateKeys),
                new HashSet<>(subscribers.emailsInUse(emails)));
    }

    /** The store as the set's next create finds it: as read, plus the customers created before it in the set. */
    private static final class Store {
        private final Set<CustomerKey> activeCustomers;
        private final Map<TemplateKey, Template> templates;
        private final Set<String> emailsInUse;

        Store(Set<CustomerKey> activeCustomers, Map<TemplateKey, Template> templates, Set<String> emailsInUse) {
            this.activeCustomers = activeCustomers;
            this.templates = templates;
            this.emailsInUse = emailsInUse;
        }

        void taken(Customer customer) {
            activeCustomers.add(new CustomerKey(customer.partnerId(), customer.externalId()));
            emailsInUse.add(customer.primaryEmail());
        }

        Template templateOf(Create create) {
            return create.templateKey().map(templates::get).orElse(null);
        }

        List<ResultError> refusals(Create create) {
            CreateCustomerRequest data = create.data();
            if (activeCustomers.contains(create.customerKey())) {
                return List.of(new ResultError(ErrorCode.CUSTOMER_ALREADY_EXISTS,
                        "this partner already has a customer with external id '" + data.externalId() + "'",
                        "/externalId"));
            }
            List<ResultError> errors = new ArrayList<>();
            if (templateOf(create) == null) {
                errors.add(new ResultError(ErrorCode.TEMPLATE_NOT_FOUND, "this partner has no template with"
                        + " provisioning id '" + data.provisioningId() + "'", "/provisioningId"));
            }
            if (!Boolean.TRUE.equals(data.webexSupportedLocationConfirmed())) {
                errors.add(new ResultError(ErrorCode.LOCATION_NOT_CONFIRMED,
                        "the headquarters must be confirmed to be in a location where the service is supported",
                        "/webexSupportedLocationConfirmed"));
            }
            Location headquarters = data.headquarters();
            if (Region.ofCountry(headquarters.address().country()).isEmpty()) {
                errors.add(new ResultError(ErrorCode.COUNTRY_NOT_SUPPORTED, "the service is not offered in "
                        + headquarters.address().country(), "/headquarters/address/country"));
            }
            if (!Timezones.isKnown(headquarters.timezone())) {
                errors.add(new ResultError(ErrorCode.VALIDATION_FAILED, "not an IANA time zone",
                        "/headquarters/timezone"));
            }
            if (emailsInUse.contains(create.administratorEmail())) {
                errors.add(new ResultError(ErrorCode.EMAIL_ALREADY_IN_USE, "a user with this e-mail already exists",
                        "/customerInfo/primaryEmail"));
            }
            Integer adminLimit = data.packageLimits() == null ? null : data.packageLimits().get(data.servicePackage());
            if (adminLimit != null && adminLimit < 1) {
                errors.add(new ResultError(ErrorCode.PACKAGE_LIMIT_EXCEEDED,
                        "the administrator needs one " + data.servicePackage().wire() + " package",
                        "/packageLimits/" + data.servicePackage().wire()));
            }
            return errors;
        }
    }

    private static Customer customerOf(Create create, Template template) {
        CreateCustomerRequest data = create.data();
        String language = data.customerInfo().language() != null ? data.customerInfo().language() : template.language();
        Map<ServicePackage, Integer> limits = data.packageLimits() == null ? null : new EnumMap<>(data.packageLimits());
        return new Customer(TimeOrderedUuid.next(), create.request().partnerId(), data.externalId(),
                UUID.fromString(template.provisioningId()), data.customerInfo().name(), create.administratorEmail(),
                language, data.servicePackage(), limits, Region.ofCountry(data.headquarters().address().country()).get(),
                TimeOrderedUuid.next(), TimeOrderedUuid.next());
    }

    private static Outcome provisioned(Create create, Customer customer) {
        ProvisioningRequest request = create.request();
        CustomerProvisioned result = new CustomerProvisioned(request.requestId(), request.type().wire(),
                ResultStatus.SUCCEEDED, List.of(), customer.id().toString(), customer.externalId(),
                customer.provisioningId().toString(), customer.name(), customer.region().name(),
                customer.servicePackage(), create.data().packageLimits(), customer.headquartersLocationId().toString(),
                new Administrator(customer.administratorId().toString(), customer.primaryEmail(),
                        customer.servicePackage()));
        return new Outcome.Result(ResultType.CUSTOMER_PROVISIONED, customer.externalId(), result, ResultStatus.SUCCEEDED);
    }
}
