package dev.wholesale.provisioning.worker.subscriber;

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
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.result.UserOutcome;
import dev.wholesale.provisioning.contracts.users.RemoveUsersRequest;
import dev.wholesale.provisioning.worker.customer.Customer;
import dev.wholesale.provisioning.worker.customer.CustomerRepository;
import dev.wholesale.provisioning.worker.request.Outcome;
import dev.wholesale.provisioning.worker.request.ProvisioningRequest;

import tools.jackson.databind.json.JsonMapper;

/** Removes users by e-mail; the customer's administrator cannot be removed. */
@Component
public class RemovingUsers extends UsersRequestHandler {

    private final Subscribers subscribers;
    private final JsonMapper json;

    public RemovingUsers(CustomerRepository customers, Subscribers subscribers, JsonMapper json) {
        super(customers, RequestType.USERS_REMOVE);
        this.subscribers = subscribers;
        this.json = json;
    }

    @Override
    Outcome.Result handle(ProvisioningRequest request, Customer customer) {
        RemoveUsersRequest remove = json.treeToValue(request.data(), RemoveUsersRequest.class);
        List<String> emails = remove.emails().stream().map(email -> email.toLowerCase(Locale.ROOT)).toList();
        Map<String, Subscriber> existing = subscribers.findByEmails(customer.id(), emails);
        UsersReport report = new UsersReport();
        Set<String> seen = new HashSet<>();
        List<UUID> removed = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            String pointer = "/emails/" + i;
            Subscriber subscriber = existing.get(emails.get(i));
            ResultError error = null;
            if (!seen.add(emails.get(i))) {
                error = new ResultError(ErrorCode.DUPLICATE_IN_REQUEST, "this e-mail is named twice in the request", pointer);
            } else if (subscriber == null) {
                error = new ResultError(ErrorCode.USER_NOT_FOUND, "the customer has no user with this e-mail", pointer);
            } else if (subscriber.administrator()) {
                error = new ResultError(ErrorCode.ADMINISTRATOR_PROTECTED,
                        "the customer's full administrator cannot be removed", pointer);
            }
            if (error == null) {
                removed.add(subscriber.id());
                report.user(new UserOutcome(remove.emails().get(i), ItemOutcome.SUCCEEDED, subscriber.id().toString(),
                        subscriber.servicePackage(), null, null, subscriber.locationId().toString(),
                        subscriber.phoneNumber(), subscriber.extension(), List.of()));
            } else {
                report.user(new UserOutcome(remove.emails().get(i), ItemOutcome.REJECTED, null, null, null, null, null,
                        null, null, List.of(error)));
            }
        }
        if (!removed.isEmpty()) {
            subscribers.delete(customer.id(), removed);
        }
        return report.toResult(request, ResultType.USERS_REMOVED, customer);
    }
}
