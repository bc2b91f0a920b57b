package dev.wholesale.provisioning.bench.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes a run's figures as JSON, a throughput chart as SVG, and a line in the results history. */
final class BenchmarkReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    final ObjectNode figures = JSON.createObjectNode();

    static ObjectNode percentiles(List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        ObjectNode node = JSON.createObjectNode().put("samples", sorted.size());
        if (sorted.isEmpty()) {
            return node;
        }
        node.put("p50Ms", at(sorted, 0.50)).put("p95Ms", at(sorted, 0.95)).put("p99Ms", at(sorted, 0.99))
                .put("maxMs", sorted.get(sorted.size() - 1));
        return node;
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    void write(Path directory, String runId, Map<Long, long[]> perSecond) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(runId + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        Files.writeString(directory.resolve(runId + "-throughput.svg"), chart(perSecond));
        Files.writeString(directory.resolve("history.jsonl"), JSON.writeValueAsString(figures) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Users and results per second over the run. */
    private static String chart(Map<Long, long[]> perSecond) {
        int width = 800;
        int height = 300;
        long seconds = perSecond.keySet().stream().mapToLong(Long::longValue).max().orElse(1) + 1;
        long peak = perSecond.values().stream().mapToLong(bin -> Math.max(bin[0], bin[1])).max().orElse(1);
        StringBuilder users = new StringBuilder();
        StringBuilder results = new StringBuilder();
        for (long s = 0; s < seconds; s++) {
            long[] bin = perSecond.getOrDefault(s, new long[2]);
            double x = 50 + (width - 60) * s / (double) Math.max(1, seconds - 1);
            users.append(String.format("%.1f,%.1f ", x, height - 30 - (height - 50) * bin[1] / (double) peak));
            results.append(String.format("%.1f,%.1f ", x, height - 30 - (height - 50) * bin[0] / (double) peak));
        }
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">
                  <rect width="100%%" height="100%%" fill="white"/>
                  <text x="50" y="15">Throughput per second (peak %,d); blue: users provisioned, orange: results</text>
                  <line x1="50" y1="%d" x2="%d" y2="%d" stroke="black"/>
                  <line x1="50" y1="20" x2="50" y2="%d" stroke="black"/>
                  <text x="%d" y="%d">%d s</text>
                  <polyline fill="none" stroke="#1f77b4" stroke-width="2" points="%s"/>
                  <polyline fill="none" stroke="#ff7f0e" stroke-width="2" points="%s"/>
                </svg>
                """.formatted(width, height, peak, height - 30, width - 10, height - 30, height - 30, width - 40,
                height - 10, seconds, users, results);
    }
}
