package dev.wholesale.provisioning.contracts;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A node of one of the plain schema files, able to follow {@code $ref}s (relative file names with
 * an optional fragment) so that tests can walk the schemas the way a validator would.
 */
record SchemaNode(String file, JsonNode node) {

    static final Path SCHEMAS = Path.of("schemas");

    static SchemaNode of(String file) {
        return new SchemaNode(file, Examples.read(SCHEMAS.resolve(file)));
    }

    /** The properties this node declares itself, through its {@code $ref} and through {@code allOf}. */
    Map<String, SchemaNode> properties() {
        Map<String, SchemaNode> properties = new LinkedHashMap<>();
        referenced().ifPresent(target -> properties.putAll(target.properties()));
        for (JsonNode part : node.path("allOf")) {
            properties.putAll(new SchemaNode(file, part).properties());
        }
        // Declared here as well as in a $ref'd part: this node's own declaration is the more specific one.
        node.path("properties").properties()
                .forEach(entry -> properties.put(entry.getKey(), new SchemaNode(file, entry.getValue())));
        return properties;
    }

    /** The schema of the items of an array node. */
    SchemaNode items() {
        if (node.has("items")) {
            return new SchemaNode(file, node.get("items"));
        }
        return referenced().orElseThrow(() -> new IllegalStateException("no items in " + this)).items();
    }

    /** The value of {@code keyword} here or, failing that, in the schema this node refers to. */
    Optional<JsonNode> keyword(String keyword) {
        if (node.has(keyword)) {
            return Optional.of(node.get(keyword));
        }
        return referenced().flatMap(target -> target.keyword(keyword));
    }

    Optional<SchemaNode> referenced() {
        if (!node.has("$ref")) {
            return Optional.empty();
        }
        String ref = node.get("$ref").asString();
        int hash = ref.indexOf('#');
        String targetFile = hash == 0 ? file : hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode target = Examples.read(SCHEMAS.resolve(targetFile)).at(pointer);
        if (target.isMissingNode()) {
            throw new IllegalStateException("$ref " + ref + " in " + file + " leads nowhere");
        }
        return Optional.of(new SchemaNode(targetFile, target));
    }
}
