package dev.wholesale.provisioning.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;

import tools.jackson.databind.JsonNode;

/**
 * The Java records and the JSON Schemas describe the same fields: a field in one but not the
 * other fails here, at every level of nesting, so the two cannot drift apart unnoticed.
 */
class RecordSchemaDriftTest {

    static Stream<Arguments> dataTypes() {
        Stream<Arguments> requests = Stream.of(RequestType.values())
                .map(type -> Arguments.of(type.wire(), type.dataType(), type.schemaFile()));
        Stream<Arguments> results = Stream.of(ResultType.values())
                .map(type -> Arguments.of(type.wire(), type.dataType(), type.schemaFile()));
        return Stream.concat(requests, results);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataTypes")
    void recordAndSchemaHaveTheSameFields(String type, Class<?> record, String schemaFile) {
        List<String> drift = new ArrayList<>();
        compare(record, new Schema(schemaFile, Examples.read(Path.of("schemas", schemaFile))), "", drift);
        assertThat(drift).as("fields of %s that exist in only one of %s and %s", type, record.getSimpleName(), schemaFile)
                .isEmpty();
    }

    /** A schema node together with the file its relative $refs resolve against. */
    private record Schema(String file, JsonNode node) {
        Schema resolve() {
            Schema current = this;
            while (current.node.has("$ref")) {
                String ref = current.node.path("$ref").asString();
                String file = ref.startsWith("#") ? current.file : ref.substring(0, ref.indexOf('#') < 0 ? ref.length() : ref.indexOf('#'));
                String pointer = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
                current = new Schema(file, Examples.read(Path.of("schemas", file)).at(pointer));
            }
            return current;
        }

        Set<String> propertyNames() {
            Set<String> names = new TreeSet<>(resolve().node.path("properties").propertyNames());
            for (JsonNode part : resolve().node.path("allOf")) {
                names.addAll(new Schema(file, part).propertyNames());
            }
            return names;
        }

        Schema property(String name) {
            Schema resolved = resolve();
            if (resolved.node.path("properties").has(name)) {
                return new Schema(resolved.file, resolved.node.path("properties").path(name)).resolve();
            }
            for (JsonNode part : resolved.node.path("allOf")) {
                Schema inPart = new Schema(resolved.file, part).resolve();
                if (inPart.propertyNames().contains(name)) {
                    return inPart.property(name);
                }
            }
            throw new IllegalArgumentException(name);
        }
    }

    private static void compare(Class<?> record, Schema schema, String path, List<String> drift) {
        Set<String> inRecord = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            inRecord.add(jsonName(component));
        }
        Set<String> inSchema = schema.propertyNames();
        for (String name : inRecord) {
            if (!inSchema.contains(name)) {
                drift.add(path + "/" + name + " is in " + record.getSimpleName() + " but not in the schema");
            }
        }
        for (String name : inSchema) {
            if (!inRecord.contains(name)) {
                drift.add(path + "/" + name + " is in the schema but not in " + record.getSimpleName());
            }
        }
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(component);
            if (inSchema.contains(name)) {
                compareNested(component.getGenericType(), schema.property(name), path + "/" + name, drift);
            }
        }
    }

    /** Follows records, lists of records and maps of records into the matching schema parts. */
    private static void compareNested(Type type, Schema schema, String path, List<String> drift) {
        if (type instanceof Class<?> clazz && clazz.isRecord()) {
            compare(clazz, schema, path, drift);
        } else if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            compareNested(parameterized.getActualTypeArguments()[0],
                    new Schema(schema.file(), schema.node().path("items")).resolve(), path + "/*", drift);
        } else if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && raw.isRecord()) {
            compare(raw, schema, path, drift);
        }
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        if (property == null) {
            property = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }
}
