package dev.wholesale.provisioning.worker.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.Requests;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;
import dev.wholesale.provisioning.worker.observability.RequestOutcomes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * An instance frozen in the middle of a batch holds its customers' locks in an open transaction.
 * The others must not wait for it for ever, nor give up on the request: their lock waits time out
 * and are retried as contention (never counted towards setting a record aside), and the server
 * ends the frozen transaction once it has been idle too long, which frees the locks.
 */
@TestPropertySource(properties = "spring.datasource.hikari.data-source-properties.options="
        + "-c lock_timeout=1s -c idle_in_transaction_session_timeout=3s -c statement_timeout=60s")
class FrozenLockHolderIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-frozen";

    @Autowired
    MeterRegistry meters;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theWorkersSessionsCarryTheirBounds() {
        assertThat(jdbc.queryForObject("show lock_timeout", String.class)).isEqualTo("1s");
        assertThat(jdbc.queryForObject("show idle_in_transaction_session_timeout", String.class)).isEqualTo("3s");
        assertThat(jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("1min");
    }

    @Test
    void aRequestForACustomerLockedByAFrozenTransactionIsAppliedOnceTheServerEndsIt() throws Exception {
        client.send(templates(), PARTNER + "/Frozen", RequestTopicsClient.event("provisioning.template.create.v1", PARTNER,
                "template-frozen", Requests.template("Frozen")));
        String provisioningId = client.awaitResult("template-frozen").path("data").path("template").path("provisioningId")
                .asString();
        client.send(customers(), PARTNER + "/locked", RequestTopicsClient.event("provisioning.customer.create.v1", PARTNER,
                "create-locked", Requests.customer("locked", provisioningId, "admin@locked.dk")));
        client.awaitResult("create-locked");
        double contentionBefore = failedBatches("contention");
        double otherBefore = failedBatches("other");

        try (Connection frozen = frozenInstanceHolding(new CustomerLocks.CustomerKey(PARTNER, "locked"))) {
            client.send(users(), PARTNER + "/locked", RequestTopicsClient.event("provisioning.users.add.v1", PARTNER,
                    "add-locked", Requests.addUsers("locked", List.of(), List.of(Requests.user("user@locked.dk",
                            "webex_meetings", "Copenhagen HQ", null, null)))));

            JsonNode added = client.awaitResult("add-locked");

            assertThat(added.path("data").path("status").asString()).isEqualTo("SUCCEEDED");
            assertThatThrownBy(() -> frozen.createStatement().execute("select 1"))
                    .as("the server ended the frozen transaction").isInstanceOf(SQLException.class);
        }
        assertThat(failedBatches("contention")).as("lock waits timed out and were retried").isGreaterThan(contentionBefore);
        assertThat(failedBatches("other")).as("none counted towards setting the request aside").isEqualTo(otherBefore);
        assertThat(client.received()).noneMatch(record -> record.topic().endsWith("-dlt"));
    }

    /** A session, with the worker's idle-in-transaction bound, that takes a customer's lock and then does nothing. */
    private static Connection frozenInstanceHolding(CustomerLocks.CustomerKey customer) throws SQLException {
        Properties properties = new Properties();
        properties.put("user", database.username());
        properties.put("password", database.password());
        properties.put("options", "-c idle_in_transaction_session_timeout=3s");
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties);
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, customer.lockId());
            lock.execute();
        }
        return connection;
    }

    private double failedBatches(String cause) {
        return meters.find(RequestOutcomes.BATCHES_FAILED).tag("cause", cause).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
