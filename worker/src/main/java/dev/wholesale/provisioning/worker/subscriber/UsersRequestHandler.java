package dev.wholesale.provisioning.worker.subscriber;

import java.util.Set;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.worker.customer.Customer;
import dev.wholesale.provisioning.worker.customer.CustomerRepository;
import dev.wholesale.provisioning.worker.request.Outcome;
import dev.wholesale.provisioning.worker.request.ProvisioningRequest;
import dev.wholesale.provisioning.worker.request.RequestHandler;

/** What every users request shares: it is about one live customer of its partner, and waits for it. */
abstract class UsersRequestHandler implements RequestHandler {

    private final CustomerRepository customers;
    private final RequestType type;

    UsersRequestHandler(CustomerRepository customers, RequestType type) {
        this.customers = customers;
        this.type = type;
    }

    @Override
    public final Set<RequestType> types() {
        return Set.of(type);
    }

    @Override
    public final Outcome handle(ProvisioningRequest request) {
        return customers.findActive(request.partnerId(), request.customerExternalId())
                .<Outcome>map(customer -> handle(request, customer))
                .orElseGet(Outcome.AwaitCustomer::new);
    }

    /** Applies the request to its customer, item by item. */
    abstract Outcome.Result handle(ProvisioningRequest request, Customer customer);
}
