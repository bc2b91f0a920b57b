package dev.wholesale.provisioning.contracts.validation;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

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

    private final Schema envelope;
    private final Predicate<String> isCatalogueType;

    private SchemaValidator(String envelopeFile, Predicate<String> isCatalogueType) {
        this.envelope = registry().getSchema(SchemaLocation.of(SCHEMA_BASE + envelopeFile));
        // Compiles the envelope and every schema it refers to now, not lazily on the first events.
        this.envelope.initializeValidators();
        this.isCatalogueType = isCatalogueType;
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
        for (Error error : envelope.validate(LongRangeNumbers.of(event))) {
            errors.add(error);
        }
        JsonNode type = event.path("type");
        if (type.isString() && !isCatalogueType.test(type.asString())) {
            errors.addUnsupportedType();
        }
        return errors.list();
    }

    private static SchemaRegistry registry() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                // The validator ships messages in 30 languages and picks the JVM's; results are read in English.
                .locale(Locale.ENGLISH)
                // The schemas say in words what a rule means: "message": {"pattern": "must be an e-mail address"}
                .errorMessageKeyword("message")
                .build();
        // The schemas refer to each other by $id; those ids are not fetched, they are read from this jar.
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(config)
                .schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_BASE, CLASSPATH_BASE)));
    }
}
