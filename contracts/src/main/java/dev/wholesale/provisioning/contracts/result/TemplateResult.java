package dev.wholesale.provisioning.contracts.result;

import java.util.List;

import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.template.Template;

/** {@code data} of {@code provisioning.template.created/updated/deleted.v1}. */
public record TemplateResult(String requestId, String requestType, ResultStatus status, List<ResultError> errors,
                             Template template) {

    public TemplateResult {
        errors = ResultError.noneIfNull(errors);
    }
}
