package dev.wholesale.provisioning.worker.request;

import java.util.List;

import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.result.RequestRejected;
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.intake.RequestIdentity;

/** {@code provisioning.request.rejected.v1}: the whole request was refused and nothing changed. */
final class Rejections {

    private Rejections() {
    }

    static Outcome.Result of(RequestIdentity identity, String subject, List<ResultError> errors) {
        return new Outcome.Result(ResultType.REQUEST_REJECTED, subject,
                new RequestRejected(identity.requestId(), identity.type(), ResultStatus.REJECTED, errors),
                ResultStatus.REJECTED);
    }
}
