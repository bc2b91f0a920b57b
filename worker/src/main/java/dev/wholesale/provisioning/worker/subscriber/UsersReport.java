package dev.wholesale.provisioning.worker.subscriber;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.wholesale.provisioning.contracts.catalogue.ItemOutcome;
import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.catalogue.ServicePackage;
import dev.wholesale.provisioning.contracts.result.LocationOutcome;
import dev.wholesale.provisioning.contracts.result.UserOutcome;
import dev.wholesale.provisioning.contracts.result.UsersResult;
import dev.wholesale.provisioning.worker.customer.Customer;
import dev.wholesale.provisioning.worker.request.Outcome;
import dev.wholesale.provisioning.worker.request.ProvisioningRequest;

/**
 * Collects the per-location and per-user outcomes of a users request and turns them into its
 * result: SUCCEEDED when every item went through, REJECTED when none did, PARTIALLY_SUCCEEDED
 * otherwise; counts per package cover the users that went through.
 */
final class UsersReport {

    private final List<LocationOutcome> locations = new ArrayList<>();
    private final List<UserOutcome> users = new ArrayList<>();
    private final Map<ServicePackage, Integer> counts = new EnumMap<>(ServicePackage.class);
    private int succeeded;
    private int refused;

    void location(LocationOutcome outcome) {
        locations.add(outcome);
        tally(outcome.outcome());
    }

    void user(UserOutcome outcome) {
        users.add(outcome);
        tally(outcome.outcome());
        if (outcome.outcome() == ItemOutcome.SUCCEEDED && outcome.servicePackage() != null) {
            counts.merge(outcome.servicePackage(), 1, Integer::sum);
        }
    }

    Outcome.Result toResult(ProvisioningRequest request, ResultType type, Customer customer) {
        ResultStatus status = refused == 0 ? ResultStatus.SUCCEEDED
                : succeeded == 0 ? ResultStatus.REJECTED : ResultStatus.PARTIALLY_SUCCEEDED;
        UsersResult result = new UsersResult(request.requestId(), request.type().wire(), status, List.of(),
                customer.id().toString(), customer.externalId(), locations, users, counts);
        return new Outcome.Result(type, customer.externalId(), result, status);
    }

    private void tally(ItemOutcome outcome) {
        if (outcome == ItemOutcome.SUCCEEDED) {
            succeeded++;
        } else {
            refused++;
        }
    }
}
