package dev.wholesale.provisioning.worker.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.Requests;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Over two hundred malformed and hostile records, interleaved with valid requests: each bad one
 * is dead-lettered with the right reason or refused with the right code, every valid one is
 * applied, the worker keeps consuming and its memory stays bounded.
 */
@TestPropertySource(properties = "provisioning.intake.max-record-size=256KB")
class HostileInputIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-hostile";

    @Test
    void badRecordsAreDeadLetteredOrRefusedAndTheWorkerCarriesOn() throws InterruptedException {
        long heapBefore = usedHeapAfterGc();
        List<HostileCase> cases = new HostileCases(templates(), customers(), PARTNER).all();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
        List<String> validIds = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            HostileCase hostile = cases.get(i);
            client.send(hostile.topic(), hostile.key(), hostile.value(), hostile.headers());
            if (i % 5 == 4) {
                String id = "valid-between-" + i;
                validIds.add(id);
                client.send(templates(), PARTNER + "/valid-" + i, RequestTopicsClient.event(
                        "provisioning.template.create.v1", PARTNER, id, Requests.template("Valid " + i)));
            }
        }
        long deadLetters = cases.stream().filter(c -> c.expectation() instanceof HostileCase.DeadLetter).count();
        long answered = cases.stream().filter(c -> c.requestId() != null && !(c.expectation() instanceof HostileCase.DeadLetter dl
                && !dl.answered())).count();
        client.awaitRecords(records -> dlts(records).size() >= deadLetters && client.results().size() >= answered + validIds.size(),
                Duration.ofSeconds(120));
        client.drain(Duration.ofSeconds(2));

        Map<String, Integer> outcomes = new TreeMap<>();
        for (HostileCase hostile : cases) {
            check(hostile);
            outcomes.merge(outcome(hostile), 1, Integer::sum);
        }
        for (String id : validIds) {
            assertThat(client.resultsFor(id)).as(id).singleElement()
                    .satisfies(result -> assertThat(result.path("type").asString()).isEqualTo("provisioning.template.created.v1"));
        }
        assertThat(dlts(client.received())).hasSize((int) deadLetters);
        assertThat(client.results()).hasSize((int) answered + validIds.size());

        client.send(templates(), PARTNER + "/last", RequestTopicsClient.event("provisioning.template.create.v1", PARTNER,
                "still-consuming", Requests.template("Still consuming")));
        assertThat(client.awaitResult("still-consuming").path("type").asString()).isEqualTo("provisioning.template.created.v1");

        long heapGrowth = usedHeapAfterGc() - heapBefore;
        System.out.printf("hostile input: %d records (%s), %d valid requests between them; heap growth %d KiB%n",
                cases.size(), outcomes, validIds.size(), heapGrowth / 1024);
        assertThat(heapGrowth).as("heap growth in bytes").isLessThan(64L * 1024 * 1024);
    }

    private void check(HostileCase hostile) {
        if (hostile.expectation() instanceof HostileCase.DeadLetter deadLetter) {
            List<ConsumerRecord<String, byte[]>> matching = dlts(client.received()).stream()
                    .filter(r -> hostile.key().equals(r.key())).toList();
            assertThat(matching).as(hostile.name()).hasSize(1);
            assertThat(header(matching.get(0), "dlt-reason")).as(hostile.name()).isEqualTo(deadLetter.reason());
            assertThat(matching.get(0).value()).as(hostile.name()).isEqualTo(hostile.value());
            if (deadLetter.answered()) {
                assertThat(client.resultsFor(hostile.requestId())).as(hostile.name()).singleElement()
                        .satisfies(result -> assertThat(result.path("type").asString())
                                .isEqualTo("provisioning.request.rejected.v1"));
            }
        } else if (hostile.expectation() instanceof HostileCase.Rejected rejected) {
            assertThat(client.resultsFor(hostile.requestId())).as(hostile.name()).singleElement().satisfies(result -> {
                assertThat(result.path("type").asString()).isEqualTo("provisioning.request.rejected.v1");
                assertThat(result.path("data").path("errors").get(0).path("code").asString()).isEqualTo(rejected.code());
            });
        } else {
            String resultType = ((HostileCase.Accepted) hostile.expectation()).resultType();
            assertThat(client.resultsFor(hostile.requestId())).as(hostile.name()).singleElement()
                    .satisfies(result -> assertThat(result.path("type").asString()).isEqualTo(resultType));
        }
    }

    private static String outcome(HostileCase hostile) {
        if (hostile.expectation() instanceof HostileCase.DeadLetter d) {
            return "dead-lettered " + d.reason() + (d.answered() ? " and refused" : "");
        }
        return hostile.expectation() instanceof HostileCase.Rejected r ? "refused " + r.code() : "accepted";
    }

    private static List<ConsumerRecord<String, byte[]>> dlts(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> r.topic().endsWith("-dlt")).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
