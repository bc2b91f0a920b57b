package dev.wholesale.provisioning.worker.request;

import java.util.List;

import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.result.ResultError;

/** How a handler ended a request: with a result to publish, or waiting for its customer. */
public sealed interface Outcome {

    /**
     * @param subject the customer's external id, or the template's provisioning id
     * @param data    the result type's data record
     */
    record Result(ResultType type, String subject, Object data, ResultStatus status) implements Outcome {
        public boolean succeeded() {
            return status != ResultStatus.REJECTED;
        }
    }

    /** The request's customer does not exist yet: keep the request until it does. */
    record AwaitCustomer() implements Outcome {
    }

    static Outcome rejected(ProvisioningRequest request, String subject, List<ResultError> errors) {
        return Rejections.of(request.identity(), subject, errors);
    }
}
