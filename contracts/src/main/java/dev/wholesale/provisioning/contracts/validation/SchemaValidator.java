package dev.wholesale.provisioning.contracts.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.path.PathType;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates structured-mode events against the envelope schema in this jar, which checks
 * {@code data} with the schema of the event's type, and reports one {@link FieldError} per
 * broken field. A {@code type} outside the catalogue is reported as
 * {@link dev.wholesale.provisioning.contracts.catalogue.ErrorCode#UNSUPPORTED_TYPE}.
 *
 * <p>Building one loads and compiles every schema, so build it once; it is immutable and
 * thread-safe.
 */
public final class SchemaValidator {

    /** The {@code $id} prefix of every schema of catalogue v1. */
    public static final String SCHEMA_BASE = "https://schemas.wholesale.dev/provisioning/v1/";
    private static final String CLASSPATH_BASE = "classpath:dev/wholesale/provisioning/contracts/schemas/";

    /** Formats checked by this module instead of by the library; see each class for why. */
    static final List<Format> OWN_FORMATS = List.of(new JsonPointerFormat());

    private final Schema attributes;
    private final Map<String, Schema> byType;
    private final Predicate<String> isCatalogueType;

    /**
     * The envelope's {@code allOf} holds, per type, "if type is T then ...". Evaluated as written,
     * every event evaluates every condition, and each condition that fails builds an error message
     * that is thrown away: a third of the validation time. So the conditions are read once, here,
     * and an event is checked against the attributes part of the envelope plus the one
     * {@code then} of its type, which reports the same errors (EnvelopeDispatchTest proves it).
     */
    private SchemaValidator(String envelopeFile, Predicate<String> isCatalogueType) {
        SchemaRegistry registry = registry();
        String location = SCHEMA_BASE + envelopeFile;
        JsonNode envelope = registry.getSchema(SchemaLocation.of(location)).getSchemaNode();
        this.byType = new HashMap<>();
        JsonNode conditions = envelope.path("allOf");
        for (int i = 0; i < conditions.size(); i++) {
            JsonNode type = conditions.get(i).path("if").path("properties").path("type").path("const");
            if (!type.isString() || !conditions.get(i).path("if").equals(typeIs(type.asString()))
                    || !conditions.get(i).has("then")) {
                throw new IllegalStateException(envelopeFile + " allOf/" + i + " is not \"if type is T then ...\"");
            }
            Schema then = registry.getSchema(SchemaLocation.of(location + "#/allOf/" + i + "/then"));
            byType.put(type.asString(), then);
        }
        ObjectNode attributesOnly = ((ObjectNode) envelope).deepCopy();
        attributesOnly.remove("allOf");
        attributesOnly.put("$id", location + "-attributes");
        this.attributes = registry.getSchema(SchemaLocation.of(location + "-attributes"), attributesOnly);
        // Compiles every schema now, not lazily on the first events.
        attributes.initializeValidators();
        byType.values().forEach(Schema::initializeValidators);
        this.isCatalogueType = isCatalogueType;
    }

    /** The condition {@code {"required": ["type"], "properties": {"type": {"const": type}}}}. */
    private static JsonNode typeIs(String type) {
        ObjectNode condition = JsonNodeFactory.instance.objectNode();
        condition.putArray("required").add("type");
        condition.putObject("properties").putObject("type").put("const", type);
        return condition;
    }

    /** For requests: {@code type} must be one of {@link RequestType}. */
    public static SchemaValidator forRequests() {
        return new SchemaValidator("request-envelope.schema.json", type -> RequestType.fromWire(type).isPresent());
    }

    /** For results: {@code type} must be one of {@link ResultType}. */
    public static SchemaValidator forResults() {
        return new SchemaValidator("result-envelope.schema.json", type -> ResultType.fromWire(type).isPresent());
    }

    /** The broken fields of {@code event}, in the order the schema met them; empty when it is valid. */
    public List<FieldError> validate(JsonNode event) {
        FieldErrors errors = new FieldErrors();
        JsonNode checked = LongRangeNumbers.of(event);
        attributes.validate(checked).forEach(errors::add);
        JsonNode type = checked.path("type");
        Schema ofType = type.isString() ? byType.get(type.asString()) : null;
        if (ofType != null) {
            ofType.validate(UserItems.withoutCertainlyValidUsers(checked)).forEach(errors::add);
        }
        if (type.isString() && !isCatalogueType.test(type.asString())) {
            errors.addUnsupportedType();
        }
        return errors.list();
    }

    static SchemaRegistry registry() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                // The validator ships messages in 30 languages and picks the JVM's; results are read in English.
                .locale(Locale.ENGLISH)
                // The schemas say in words what a rule means: "message": {"pattern": "must be an e-mail address"}
                .errorMessageKeyword("message")
                .build();
        Dialect dialect = Dialect.builder(Dialects.getDraft202012()).formats(OWN_FORMATS).build();
        // The schemas refer to each other by $id; those ids are not fetched, they are read from this jar.
        return SchemaRegistry.withDefaultDialect(dialect, builder -> builder
                .schemaRegistryConfig(config)
                .schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_BASE, CLASSPATH_BASE)));
    }
}
