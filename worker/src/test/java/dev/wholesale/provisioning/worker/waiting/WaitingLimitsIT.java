package dev.wholesale.provisioning.worker.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.Requests;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Waiting for a customer is bounded: beyond the limits a request is refused at once, saying why;
 * what waits is released (when the customer comes) and refused (when its time is up) a page at a
 * time, in arrival order, all of it.
 */
@TestPropertySource(properties = {"provisioning.waiting.max-per-customer=3", "provisioning.waiting.max-per-partner=5",
        "provisioning.waiting.page-size=2"})
class WaitingLimitsIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-waiting";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void beyondTheLimitsARequestIsRefusedAtOnceAndWhatWaitedIsReleasedInOrder() {
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(addUser("late", "w" + i));
        }
        String fourth = addUser("late", "w3");
        JsonNode refused = client.awaitResult(fourth);
        assertThat(refused.path("type").asString()).isEqualTo("provisioning.request.rejected.v1");
        assertThat(refused.path("data").path("errors").get(0).path("code").asString()).isEqualTo("CUSTOMER_NOT_FOUND");
        assertThat(refused.path("data").path("errors").get(0).path("message").asString())
                .contains("3 requests wait for it already");
        assertThat(count()).isEqualTo(3);

        waiting.add(addUser("other", "o0"));
        waiting.add(addUser("other", "o1"));
        String overPartner = addUser("third", "t0");
        assertThat(client.awaitResult(overPartner).path("data").path("errors").get(0).path("message").asString())
                .contains("5 requests of this partner wait");

        String provisioningId = template();
        client.send(customers(), PARTNER + "/late", RequestTopicsClient.event("provisioning.customer.create.v1", PARTNER,
                "create-late", Requests.customer("late", provisioningId, "admin@late.dk")));
        List<String> released = new ArrayList<>(List.of("create-late"));
        released.addAll(waiting.subList(0, 3));
        for (String id : released) {
            assertThat(client.awaitResult(id).path("data").path("status").asString()).as(id).isEqualTo("SUCCEEDED");
        }
        List<String> order = client.results().stream().map(result -> result.path("data").path("requestId").asString())
                .filter(released::contains).toList();
        assertThat(order).as("the customer first, then what waited for it in arrival order").containsExactlyElementsOf(released);
        assertThat(count()).as("what waits for the other customer, until it expires").isLessThanOrEqualTo(2);
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("taskScheduler")
    org.springframework.scheduling.TaskScheduler housekeeping;

    /** Also while housekeeping (a long purge, say) keeps the shared scheduler busy: wait expiry has a thread of its own. */
    @Test
    void expiredWaitsAreAllRefusedAPageAtATime() {
        housekeeping.schedule(() -> {
            try {
                Thread.sleep(45_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, java.time.Instant.now());
        List<String> expiring = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expiring.add(addUser("partner-expiring", "never", "n" + i));
        }
        for (String id : expiring) {
            JsonNode refused = client.awaitResult(id);
            assertThat(refused.path("data").path("errors").get(0).path("message").asString()).as(id)
                    .contains("appeared while the request waited");
        }
    }

    private String addUser(String customer, String name) {
        return addUser(PARTNER, customer, name);
    }

    private String addUser(String partner, String customer, String name) {
        String id = "add-" + customer + "-" + name;
        // One record key for all, so one partition and one batch after the other: the per-partner
        // count is exact only against batches that committed (the per-customer one always is).
        client.send(users(), partner + "/waiting", RequestTopicsClient.event("provisioning.users.add.v1", partner, id,
                Requests.addUsers(customer, List.of(), List.of(Requests.user(name + "@" + customer + ".dk",
                        "webex_meetings", "Copenhagen HQ", null, null)))));
        return id;
    }

    private String template() {
        client.send(templates(), PARTNER + "/Waiting", RequestTopicsClient.event("provisioning.template.create.v1", PARTNER,
                "template-waiting", Requests.template("Waiting")));
        return client.awaitResult("template-waiting").path("data").path("template").path("provisioningId").asString();
    }

    private long count() {
        Long count = jdbc.queryForObject("select count(*) from waiting_request where partner_id = ?", Long.class, PARTNER);
        return count == null ? 0 : count;
    }
}
