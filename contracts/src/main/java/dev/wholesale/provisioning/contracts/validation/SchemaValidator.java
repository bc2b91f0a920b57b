package dev.wholesale.provisioning.contracts.validation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;

import tools.jackson.databind.JsonNode;

/**
 * Validates events against the schemas in this jar and reports one error per broken field.
 * The envelope is checked against its schema, {@code data} against the schema of the event's
 * type. Thread-safe; build it once.
 */
public final class SchemaValidator {

    public static final String SCHEMA_BASE = "https://schemas.wholesale.dev/provisioning/v1/";
    private static final String CLASSPATH_BASE = "classpath:dev/wholesale/provisioning/contracts/schemas/";

    private final Schema envelope;
    private final Function<String, Optional<Schema>> dataSchemaOfType;

    private SchemaValidator(Schema envelope, Function<String, Optional<Schema>> dataSchemaOfType) {
        this.envelope = envelope;
        this.dataSchemaOfType = dataSchemaOfType;
    }

    public static SchemaValidator forRequests() {
        SchemaRegistry registry = registry();
        Map<RequestType, Schema> schemas = new EnumMap<>(RequestType.class);
        for (RequestType type : RequestType.values()) {
            schemas.put(type, load(registry, type.schemaFile()));
        }
        return new SchemaValidator(load(registry, "request-envelope.schema.json"),
                type -> RequestType.fromWire(type).map(schemas::get));
    }

    public static SchemaValidator forResults() {
        SchemaRegistry registry = registry();
        Map<ResultType, Schema> schemas = new EnumMap<>(ResultType.class);
        for (ResultType type : ResultType.values()) {
            schemas.put(type, load(registry, type.schemaFile()));
        }
        return new SchemaValidator(load(registry, "result-envelope.schema.json"),
                type -> ResultType.fromWire(type).map(schemas::get));
    }

    /**
     * The broken fields of a structured-mode event; empty when it is valid. An unknown type shows
     * up as an error on the attribute {@code type}.
     */
    public List<FieldError> validate(JsonNode event) {
        Map<String, FieldError> byField = new LinkedHashMap<>();
        for (Error error : envelope.validate(event)) {
            String pointer = pointerOf(error);
            String attribute = pointer.isEmpty() ? null : pointer.substring(1).split("/", 2)[0];
            if ("data".equals(attribute) && pointer.length() > "/data".length()) {
                continue; // the envelope schema does not look inside data
            }
            if ("data".equals(attribute)) {
                byField.putIfAbsent("data:", new FieldError("", null, error.getMessage()));
            } else {
                byField.putIfAbsent("attr:" + attribute, new FieldError(null, attribute, error.getMessage()));
            }
        }
        JsonNode data = event.get("data");
        JsonNode type = event.get("type");
        if (type != null && type.isString()) {
            Optional<Schema> dataSchema = dataSchemaOfType.apply(type.asString());
            if (dataSchema.isEmpty()) {
                byField.putIfAbsent("attr:type", new FieldError(null, "type",
                        "'" + type.asString() + "' is not a type of this catalogue"));
            } else if (data != null && data.isObject()) {
                for (Error error : dataSchema.get().validate(data)) {
                    String pointer = pointerOf(error);
                    byField.putIfAbsent("data:" + pointer, new FieldError(pointer, null, error.getMessage()));
                }
            }
        }
        return new ArrayList<>(byField.values());
    }

    /** For a missing required property the schema reports the parent: point at the property itself. */
    private static String pointerOf(Error error) {
        String location = error.getInstanceLocation().toString();
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return location + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return location;
    }

    private static SchemaRegistry registry() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                // Schemas may say in words what a pattern means: "message": {"pattern": "must be an e-mail address"}
                .errorMessageKeyword("message")
                .build();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(config)
                .schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_BASE, CLASSPATH_BASE)));
    }

    private static Schema load(SchemaRegistry registry, String file) {
        Schema schema = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + file));
        schema.initializeValidators();
        return schema;
    }
}
