package dev.wholesale.provisioning.worker.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.Requests;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;
import dev.wholesale.provisioning.worker.hostile.RawRecords.Header;

/**
 * A dead letter keeps the record's headers. A header name may be any string, NUL included: an
 * unreadable record carrying one must still be dead-lettered, and the requests behind it on the same
 * partition answered. (Its own class: if the partition stalls, it stalls for good.)
 */
@TestPropertySource(properties = {"provisioning.listener.retry-initial-interval=PT0.1S",
        "provisioning.listener.retry-max-interval=PT1S"})
class HostileNulHeaderNameIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-nul-header";

    @Test
    void anUnreadableRecordWithANulInAHeaderNameIsDeadLetteredAndThePartitionMovesOn() {
        try (RawRecords raw = new RawRecords(INFRA.kafkaBootstrapServers())) {
            raw.sendNow(templates(), 0, (PARTNER + "/broken").getBytes(StandardCharsets.UTF_8),
                    "{\"not\": json".getBytes(StandardCharsets.UTF_8),
                    List.of(Header.of("content-type", "application/cloudevents+json"), Header.of("x-trace\u0000id", "1")));
            raw.sendNow(templates(), 0, (PARTNER + "/after").getBytes(StandardCharsets.UTF_8),
                    RequestTopicsClient.JSON.writeValueAsBytes(RequestTopicsClient.event("provisioning.template.create.v1", PARTNER,
                            "after-nul-header", Requests.template("After the NUL header"))),
                    List.of(Header.of("content-type", "application/cloudevents+json")));
        }
        RawRecords.awaitQuietly(client, records -> !client.resultsFor("after-nul-header").isEmpty()
                && records.stream().anyMatch(r -> r.topic().endsWith("-dlt")), Duration.ofSeconds(15), Duration.ofSeconds(40));

        List<ConsumerRecord<String, byte[]>> deadLetters = client.received().stream()
                .filter(r -> r.topic().endsWith("-dlt")).toList();
        System.out.printf("%nNUL in a header name: dead letters %s, results of the request behind it %s%n",
                deadLetters.stream().map(r -> RawRecords.header(r, "dlt-reason")).toList(),
                client.resultsFor("after-nul-header").stream().map(r -> r.path("type").asString()).toList());

        assertThat(client.resultsFor("after-nul-header")).as("the request behind the record with a NUL in a header name")
                .singleElement().satisfies(r -> assertThat(r.path("type").asString()).isEqualTo("provisioning.template.created.v1"));
        assertThat(deadLetters).as("the dead letter of the record with a NUL in a header name").singleElement()
                .satisfies(r -> assertThat(RawRecords.header(r, "dlt-reason")).isEqualTo("NOT_JSON"));
    }
}
