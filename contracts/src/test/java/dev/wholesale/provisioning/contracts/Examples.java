package dev.wholesale.provisioning.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.wholesale.provisioning.contracts.catalogue.ResultType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The example files of this module, read from the plain files others read too. */
final class Examples {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path ROOT = Path.of("examples");

    private Examples() {
    }

    static List<Path> valid() {
        return list(ROOT.resolve("valid"));
    }

    static List<Path> invalid() {
        return list(ROOT.resolve("invalid")).stream()
                .filter(path -> !path.getFileName().toString().equals("expected-errors.json")).toList();
    }

    static JsonNode read(Path path) {
        try {
            return JSON.readTree(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isResult(JsonNode event) {
        return ResultType.fromWire(event.path("type").asString()).isPresent();
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
