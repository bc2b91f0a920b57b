package dev.wholesale.provisioning.contracts.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The regular expressions and formats of the schema files, found by walking them, so that a
 * pattern added later is checked without anyone listing it.
 */
final class SchemaPatterns {

    static final Path SCHEMAS = Path.of("schemas");
    static final Path VALID_EXAMPLES = Path.of("examples", "valid");

    /** Keywords whose values are data or prose, never schemas: a "pattern" under them is not a keyword. */
    private static final Set<String> NOT_SCHEMAS = Set.of("message", "enum", "const", "examples", "default",
            "description", "$comment");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SchemaPatterns() {
    }

    /** A regular expression of a schema: a {@code pattern} keyword or a {@code patternProperties} name. */
    record Regex(String file, String pointer, String regex) {

        @Override
        public String toString() {
            return file + "#" + pointer + " " + regex;
        }
    }

    static List<Regex> regexes() {
        List<Regex> found = new ArrayList<>();
        for (Path file : files(SCHEMAS)) {
            walk(read(file), "", (pointer, keyword, value) -> {
                if (keyword.equals("pattern") && value.isString()) {
                    found.add(new Regex(file.getFileName().toString(), pointer, value.asString()));
                }
                if (keyword.equals("patternProperties") && value.isObject()) {
                    value.propertyNames().forEach(name -> found.add(new Regex(file.getFileName().toString(),
                            pointer + "/" + name, name)));
                }
            });
        }
        return found;
    }

    /** The names of the formats the schemas use. */
    static List<String> formats() {
        List<String> found = new ArrayList<>();
        for (Path file : files(SCHEMAS)) {
            walk(read(file), "", (pointer, keyword, value) -> {
                if (keyword.equals("format") && value.isString() && !found.contains(value.asString())) {
                    found.add(value.asString());
                }
            });
        }
        return found;
    }

    /** Every string value of the valid examples: values that real senders send. */
    static List<String> exampleStrings() {
        List<String> found = new ArrayList<>();
        for (Path file : files(VALID_EXAMPLES)) {
            collectStrings(read(file), found);
        }
        return found;
    }

    private interface KeywordVisitor {
        void visit(String pointer, String keyword, JsonNode value);
    }

    private static void walk(JsonNode node, String pointer, KeywordVisitor visitor) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String child = pointer + "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
                visitor.visit(child, entry.getKey(), entry.getValue());
                if (!NOT_SCHEMAS.contains(entry.getKey())) {
                    walk(entry.getValue(), child, visitor);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    private static void collectStrings(JsonNode node, List<String> found) {
        if (node.isString()) {
            found.add(node.asString());
        }
        node.values().forEach(child -> collectStrings(child, found));
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
