package dev.wholesale.provisioning.worker.faults;

import static dev.wholesale.provisioning.worker.Requests.customer;
import static dev.wholesale.provisioning.worker.Requests.template;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import dev.wholesale.provisioning.testkit.DataSourceSpec;
import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The worker's database goes away (connections killed and refused) while requests arrive: nothing
 * is dead-lettered or skipped; when it comes back every request gets exactly one result.
 */
class PostgresOutageIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-outage";

    @Autowired
    Environment environment;

    @Test
    void requestsThatArriveDuringAnOutageAreAppliedOnceItEnds() throws Exception {
        client.send(templates(), PARTNER + "/Outage", RequestTopicsClient.event("provisioning.template.create.v1",
                PARTNER, "outage-t", template("Outage")));
        String provisioningId = client.awaitResult("outage-t").path("data").path("template").path("provisioningId").asString();

        String database = new DataSourceSpec(environment.getProperty("spring.datasource.url"), "x", "").databaseName();
        setConnectionsAllowed(database, false);
        try {
            for (int i = 0; i < 5; i++) {
                client.send(customers(), PARTNER + "/outage-" + i, RequestTopicsClient.event(
                        "provisioning.customer.create.v1", PARTNER, "outage-c" + i,
                        customer("outage-" + i, provisioningId, "admin" + i + "@outage.dk")));
            }
            client.drain(Duration.ofSeconds(4));
            assertThat(client.resultsFor("outage-c0")).isEmpty();
        } finally {
            setConnectionsAllowed(database, true);
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
    }

    /** Refuses new connections to the worker's database and kills the open ones (or allows them again). */
    private static void setConnectionsAllowed(String database, boolean allowed) throws SQLException {
        DataSourceSpec admin = INFRA.postgres().admin();
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
             Statement statement = connection.createStatement()) {
            statement.execute("alter database \"" + database + "\" allow_connections " + allowed);
            if (!allowed) {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            }
        }
    }
}
