package dev.wholesale.provisioning.bench.perf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

/** Resident memory and heap of a worker process, read from /proc and from its actuator. */
final class ProcessStats {

    private final long pid;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private long heapPeak;

    ProcessStats(long pid, int port) {
        this.pid = pid;
        this.port = port;
    }

    /** Peak resident set size in bytes (VmHWM). */
    long rssPeak() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    /** Samples used heap; call every second or so. */
    void sampleHeap() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/actuator/metrics/jvm.memory.used?tag=area:heap")).build(),
                    HttpResponse.BodyHandlers.ofString());
            long used = JsonMapper.builder().build().readTree(response.body()).path("measurements").get(0).path("value").asLong();
            heapPeak = Math.max(heapPeak, used);
        } catch (Exception notNow) {
            // the worker may be busy or restarting; the next sample counts
        }
    }

    /**
     * Requests the worker parked because their customer did not exist yet (users requests read
     * before the customer's create): each is stored, read back and checked a second time.
     */
    long requestsThatWaited() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/actuator/metrics/provisioning.requests?tag=outcome:waiting")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 404 ? 0
                    : JsonMapper.builder().build().readTree(response.body()).path("measurements").get(0).path("value").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    long heapPeak() {
        return heapPeak;
    }
}
