package dev.wholesale.provisioning.worker.faults;

import static dev.wholesale.provisioning.worker.Requests.customer;
import static dev.wholesale.provisioning.worker.Requests.template;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import dev.wholesale.provisioning.worker.DatabaseOutage;
import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;
import dev.wholesale.provisioning.worker.observability.RequestOutcomes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import tools.jackson.databind.JsonNode;

/**
 * The worker's database goes away (connections killed and refused) while requests arrive: nothing
 * is dead-lettered or skipped; when it comes back every request gets exactly one result.
 */
class PostgresOutageIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-outage";

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    @Test
    void requestsThatArriveDuringAnOutageAreAppliedOnceItEnds() throws Exception {
        client.send(templates(), PARTNER + "/Outage", RequestTopicsClient.event("provisioning.template.create.v1",
                PARTNER, "outage-t", template("Outage")));
        String provisioningId = client.awaitResult("outage-t").path("data").path("template").path("provisioningId").asString();

        double outageFailuresBefore = outageFailures();
        try (DatabaseOutage outage = DatabaseOutage.begin(environment.getProperty("spring.datasource.url"))) {
            for (int i = 0; i < 5; i++) {
                client.send(customers(), PARTNER + "/outage-" + i, RequestTopicsClient.event(
                        "provisioning.customer.create.v1", PARTNER, "outage-c" + i,
                        customer("outage-" + i, provisioningId, "admin" + i + "@outage.dk")));
            }
            client.drain(Duration.ofSeconds(4));
            assertThat(client.resultsFor("outage-c0")).isEmpty();
        }

        client.awaitRecords(records -> java.util.stream.IntStream.range(0, 5)
                .allMatch(i -> !client.resultsFor("outage-c" + i).isEmpty()), Duration.ofSeconds(90));
        client.drain(Duration.ofSeconds(2));
        for (int i = 0; i < 5; i++) {
            java.util.List<JsonNode> results = client.resultsFor("outage-c" + i);
            assertThat(results).hasSize(1);
            assertThat(results.get(0).path("type").asString()).isEqualTo("provisioning.customer.provisioned.v1");
        }
        assertThat(client.received()).noneMatch(record -> record.topic().endsWith("-dlt"));
        assertThat(outageFailures()).as("the operator sees the outage's retries as cause=outage")
                .isGreaterThan(outageFailuresBefore);
    }

    private double outageFailures() {
        Counter failures = meters.find(RequestOutcomes.BATCHES_FAILED).tag("cause", "outage").counter();
        return failures == null ? 0 : failures.count();
    }
}
