package dev.wholesale.provisioning.worker.template;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.wholesale.provisioning.contracts.catalogue.AuthenticationMethod;
import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;
import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.result.TemplateResult;
import dev.wholesale.provisioning.contracts.template.Authentication;
import dev.wholesale.provisioning.contracts.template.CreateTemplateRequest;
import dev.wholesale.provisioning.contracts.template.DeleteTemplateRequest;
import dev.wholesale.provisioning.contracts.template.Template;
import dev.wholesale.provisioning.contracts.template.UpdateTemplateRequest;
import dev.wholesale.provisioning.worker.request.Outcome;
import dev.wholesale.provisioning.worker.request.ProvisioningRequest;
import dev.wholesale.provisioning.worker.request.RequestHandler;
import dev.wholesale.provisioning.worker.support.Ids;
import dev.wholesale.provisioning.worker.support.TimeOrderedUuid;

import tools.jackson.databind.json.JsonMapper;

/** Onboarding templates: create, update (full settings), delete while no live customer uses one. */
@Component
public class TemplateHandler implements RequestHandler {

    private final TemplateRepository templates;
    private final JsonMapper json;
    private final Clock clock;

    public TemplateHandler(TemplateRepository templates, JsonMapper json, Clock clock) {
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Set<RequestType> types() {
        return Set.of(RequestType.TEMPLATE_CREATE, RequestType.TEMPLATE_UPDATE, RequestType.TEMPLATE_DELETE);
    }

    @Override
    public Outcome handle(ProvisioningRequest request) {
        return switch (request.type()) {
            case TEMPLATE_CREATE -> create(request, json.treeToValue(request.data(), CreateTemplateRequest.class));
            case TEMPLATE_UPDATE -> update(request, json.treeToValue(request.data(), UpdateTemplateRequest.class));
            case TEMPLATE_DELETE -> delete(request, json.treeToValue(request.data(), DeleteTemplateRequest.class));
            default -> throw new IllegalArgumentException(request.type().toString());
        };
    }

    private Outcome create(ProvisioningRequest request, CreateTemplateRequest create) {
        if (templates.nameTaken(request.partnerId(), create.templateName(), null)) {
            return nameTaken(request, create.templateName(), null);
        }
        Template template = new Template(TimeOrderedUuid.next().toString(), create.templateName(), create.country(),
                create.language(), create.serviceProviderAdminEmail(), create.wholesaleSubscriptionId(),
                authentication(create.authentication()), create.pstnProvider(), create.brandName(),
                create.restrictsAdminInviteEmails(), create.disablesWebexCalling());
        templates.insert(request.partnerId(), template, now());
        return success(request, ResultType.TEMPLATE_CREATED, template);
    }

    private Outcome update(ProvisioningRequest request, UpdateTemplateRequest update) {
        Optional<UUID> id = Ids.parse(update.provisioningId());
        Optional<Template> existing = id.flatMap(uuid -> templates.findForChange(request.partnerId(), uuid));
        if (existing.isEmpty()) {
            return notFound(request, update.provisioningId());
        }
        if (templates.nameTaken(request.partnerId(), update.templateName(), id.get())) {
            return nameTaken(request, update.templateName(), update.provisioningId());
        }
        Template template = new Template(existing.get().provisioningId(), update.templateName(), update.country(),
                update.language(), update.serviceProviderAdminEmail(), update.wholesaleSubscriptionId(),
                authentication(update.authentication()), update.pstnProvider(), update.brandName(),
                update.restrictsAdminInviteEmails(), update.disablesWebexCalling());
        templates.update(request.partnerId(), template, now());
        return success(request, ResultType.TEMPLATE_UPDATED, template);
    }

    private Outcome delete(ProvisioningRequest request, DeleteTemplateRequest delete) {
        Optional<UUID> id = Ids.parse(delete.provisioningId());
        Optional<Template> existing = id.flatMap(uuid -> templates.findForChange(request.partnerId(), uuid));
        if (existing.isEmpty()) {
            return notFound(request, delete.provisioningId());
        }
        if (templates.usedByLiveCustomer(id.get())) {
            return Outcome.rejected(request, delete.provisioningId(), List.of(new ResultError(ErrorCode.TEMPLATE_IN_USE,
                    "the template is used by at least one customer that is not deprovisioned", "/provisioningId")));
        }
        templates.delete(request.partnerId(), id.get(), now());
        return success(request, ResultType.TEMPLATE_DELETED, existing.get());
    }

    /** Absent authentication means the service's own identity (WEBEX). */
    private static Authentication authentication(Authentication requested) {
        return requested == null || requested.method() == null
                ? new Authentication(AuthenticationMethod.WEBEX, requested == null ? null : requested.idpEntityId())
                : requested;
    }

    private static Outcome success(ProvisioningRequest request, ResultType type, Template template) {
        TemplateResult result = new TemplateResult(request.requestId(), request.type().wire(), ResultStatus.SUCCEEDED,
                List.of(), template);
        return new Outcome.Result(type, template.provisioningId(), result, ResultStatus.SUCCEEDED);
    }

    private static Outcome nameTaken(ProvisioningRequest request, String name, String subject) {
        return Outcome.rejected(request, subject, List.of(new ResultError(ErrorCode.TEMPLATE_NAME_TAKEN,
                "this partner already has a template named '" + name + "'", "/templateName")));
    }

    private static Outcome notFound(ProvisioningRequest request, String provisioningId) {
        return Outcome.rejected(request, provisioningId, List.of(new ResultError(ErrorCode.TEMPLATE_NOT_FOUND,
                "this partner has no template with provisioning id '" + provisioningId + "'", "/provisioningId")));
    }

    private Instant now() {
        return clock.instant();
    }
}
