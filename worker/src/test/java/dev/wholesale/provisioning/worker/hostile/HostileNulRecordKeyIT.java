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

import tools.jackson.databind.JsonNode;

/**
 * A Kafka record key is any string, NUL included, and the catalogue says the worker must not rely on
 * the key. A valid request whose key holds a NUL must get its result, and the requests behind it on
 * the same partition theirs. (Its own class: if the partition stalls, it stalls for good.)
 */
@TestPropertySource(properties = {"provisioning.listener.retry-initial-interval=PT0.1S",
        "provisioning.listener.retry-max-interval=PT1S"})
class HostileNulRecordKeyIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-nul-key";

    @Test
    void aNulInTheRecordKeyNeitherLosesTheRequestNorStallsThePartition() {
        List<Header> structured = List.of(Header.of("content-type", "application/cloudevents+json"));
        try (RawRecords raw = new RawRecords(INFRA.kafkaBootstrapServers())) {
            raw.sendNow(templates(), 0, (PARTNER + "/\u0000").getBytes(StandardCharsets.UTF_8),
                    RequestTopicsClient.JSON.writeValueAsBytes(RequestTopicsClient.event("provisioning.template.create.v1", PARTNER,
                            "nul-key", Requests.template("NUL in the key"))), structured);
            raw.sendNow(templates(), 0, (PARTNER + "/after").getBytes(StandardCharsets.UTF_8),
                    RequestTopicsClient.JSON.writeValueAsBytes(RequestTopicsClient.event("provisioning.template.create.v1", PARTNER,
                            "after-nul-key", Requests.template("After the NUL key"))), structured);
        }
        RawRecords.awaitQuietly(client, records -> !client.resultsFor("after-nul-key").isEmpty()
                && !client.resultsFor("nul-key").isEmpty(), Duration.ofSeconds(15), Duration.ofSeconds(40));

        List<JsonNode> answer = client.resultsFor("nul-key");
        List<ConsumerRecord<String, byte[]>> deadLetters = client.received().stream()
                .filter(r -> r.topic().endsWith("-dlt")).toList();
        System.out.printf("%nNUL in the record key: results for it %s, for the request behind it %s, dead letters %s%n",
                answer.stream().map(r -> r.path("type").asString()).toList(),
                client.resultsFor("after-nul-key").stream().map(r -> r.path("type").asString()).toList(),
                deadLetters.stream().map(r -> RawRecords.header(r, "dlt-reason") + ": " + RawRecords.header(r, "dlt-detail"))
                        .toList());

        assertThat(client.resultsFor("after-nul-key")).as("the request behind the one with a NUL in its key")
                .singleElement().satisfies(r -> assertThat(r.path("type").asString()).isEqualTo("provisioning.template.created.v1"));
        assertThat(answer).as("the request whose record key holds a NUL").singleElement()
                .satisfies(r -> assertThat(r.path("type").asString()).isEqualTo("provisioning.template.created.v1"));
    }
}
