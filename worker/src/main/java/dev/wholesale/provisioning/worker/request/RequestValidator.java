package dev.wholesale.provisioning.worker.request;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;
import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.validation.FieldError;
import dev.wholesale.provisioning.contracts.validation.SchemaValidator;
import dev.wholesale.provisioning.contracts.idempotency.ContentHash;
import dev.wholesale.provisioning.contracts.intake.DecodedRecord;
import dev.wholesale.provisioning.contracts.intake.RequestIdentity;
import dev.wholesale.provisioning.contracts.intake.TextSafety;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a readable CloudEvent against the published contract (the JSON Schemas of the contracts
 * module, so the worker cannot drift from what senders validate against) and against what the
 * store cannot hold. Produces one error per broken field.
 */
public class RequestValidator {

    private static final Map<RequestType, List<String>> ITEM_ARRAYS = Map.of(
            RequestType.USERS_ADD, List.of("/users", "/locations"),
            RequestType.USERS_UPDATE, List.of("/users"));

    /** The schema's limit of an external id. */
    private static final int MAX_EXTERNAL_ID = 64;

    private final SchemaValidator schemas;

    public RequestValidator(SchemaValidator schemas) {
        this.schemas = schemas;
    }

    public Validation validate(DecodedRecord.Event record) {
        return validate(record.identity(), record.event());
    }

    /** A request kept while it waited for its customer is checked again when it is released. */
    public Validation revalidate(ObjectNode event) {
        RequestIdentity identity = RequestIdentity.ofNullable(event.path("partnerid").asString(null),
                event.path("id").asString(null), event.path("type").asString(null));
        return validate(identity, event);
    }

    private Validation validate(RequestIdentity identity, ObjectNode event) {
        JsonNode data = event.get("data");
        byte[] hash = ContentHash.of(identity.type(), data);
        Optional<RequestType> type = RequestType.fromWire(identity.type());
        if (type.isEmpty()) {
            return new Validation.Invalid(identity, hash, null, List.of(new ResultError(ErrorCode.UNSUPPORTED_TYPE,
                    "type '" + identity.type() + "' is not a request type of the catalogue", null)));
        }
        List<ResultError> whole = new ArrayList<>();
        Map<String, List<ResultError>> byItem = new LinkedHashMap<>();
        List<String> itemArrays = ITEM_ARRAYS.getOrDefault(type.get(), List.of());
        for (ResultError error : errors(event, data)) {
            String item = ItemErrors.itemOf(error.pointer(), itemArrays);
            if (item == null) {
                whole.add(error);
            } else {
                byItem.computeIfAbsent(item, k -> new ArrayList<>()).add(error);
            }
        }
        if (!whole.isEmpty()) {
            return new Validation.Invalid(identity, hash, namedCustomer(type.get(), data), whole);
        }
        return new Validation.Valid(new ProvisioningRequest(identity, type.get(), event, data,
                hash, byItem.isEmpty() ? ItemErrors.NONE : new ItemErrors(byItem)));
    }

    /**
     * The customer a refused request names, for its refusal's subject and key, if it names one the
     * way a valid request would: a blank external id names no customer (CloudEvents forbids an empty
     * subject), and a hostile one of 16 KiB or with control characters must not become a record key.
     */
    private static String namedCustomer(RequestType type, JsonNode data) {
        String externalId = CustomerScope.customerExternalId(type, data);
        return externalId == null || externalId.isBlank() || externalId.length() > MAX_EXTERNAL_ID
                || !TextSafety.isSafe(externalId) ? null : externalId;
    }

    private List<ResultError> errors(ObjectNode event, JsonNode data) {
        List<ResultError> errors = new ArrayList<>();
        for (FieldError error : schemas.validate(event)) {
            String where = error.attribute() != null ? "attribute '" + error.attribute() + "' " : "";
            errors.add(new ResultError(ErrorCode.VALIDATION_FAILED, where + error.message(), error.pointer()));
        }
        if (data != null) {
            Set<String> reported = new HashSet<>();
            errors.forEach(error -> reported.add(error.pointer()));
            collectUnsafeText(data, "", reported, errors);
        }
        return errors;
    }

    /** Unsafe text, in values and property names, is reported only where the schema did not already report the field. */
    private static void collectUnsafeText(JsonNode node, String pointer, Set<String> reported, List<ResultError> errors) {
        if (node.isString()) {
            String problem = TextSafety.problem(node.asString());
            if (problem != null && !reported.contains(pointer)) {
                errors.add(new ResultError(ErrorCode.VALIDATION_FAILED, problem, pointer));
            }
        } else if (node.isObject()) {
            for (String name : node.propertyNames()) {
                String child = pointer + "/" + escape(name);
                String nameProblem = TextSafety.problem(name);
                if (nameProblem != null) {
                    // An unknown property is allowed, but not under a name that logs and stores cannot hold.
                    if (!reported.contains(child)) {
                        errors.add(new ResultError(ErrorCode.VALIDATION_FAILED, "a property name " + nameProblem, child));
                    }
                    continue;
                }
                collectUnsafeText(node.get(name), child, reported, errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUnsafeText(node.get(i), pointer + "/" + i, reported, errors);
            }
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
