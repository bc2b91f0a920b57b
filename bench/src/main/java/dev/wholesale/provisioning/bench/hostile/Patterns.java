package dev.wholesale.provisioning.bench.hostile;

import java.time.Duration;

import dev.wholesale.provisioning.contracts.catalogue.Topics;

import tools.jackson.databind.node.ObjectNode;

/**
 * Records within every size limit whose strings are built for regex backtracking, in every field a
 * pattern checks: each must be answered (its strings refused) within seconds, and hold up no one.
 */
final class Patterns {

    private final HostileSuite suite;

    Patterns(HostileSuite suite) {
        this.suite = suite;
    }

    void run() {
        users("e-mail", "email", Backtracking.email());
        users("phone number", "primaryPhoneNumber", Backtracking.phoneNumber());
        users("extension", "extension", Backtracking.extension());
        locations();
        customer();
        envelope();
    }

    private void users(String what, String field, String value) {
        suite.scenario("users.add of about 1 MB, every user's " + what + " built for backtracking");
        String id = id("users-" + field);
        suite.send(Topics.USER_REQUESTS, HostileSuite.HOSTILE + "/hostile-customer", Requests.event(
                "provisioning.users.add.v1", HostileSuite.HOSTILE, id, Backtracking.users("hostile-customer", field, value)));
        answered(id, "provisioning.users.provisioned.v1");
        suite.othersAreAnswered(what + "s built for backtracking");
    }

    private void locations() {
        suite.scenario("users.add of about 1 MB, every location's time zone and language built for backtracking");
        String id = id("locations");
        suite.send(Topics.USER_REQUESTS, HostileSuite.HOSTILE + "/hostile-customer", Requests.event(
                "provisioning.users.add.v1", HostileSuite.HOSTILE, id, Backtracking.locations("hostile-customer")));
        answered(id, "provisioning.users.provisioned.v1");
        suite.othersAreAnswered("time zones and languages built for backtracking");
    }

    private void customer() {
        suite.scenario("customer.create whose name, e-mail, language and time zone are built for backtracking");
        String id = id("customer");
        suite.send(Topics.CUSTOMER_REQUESTS, HostileSuite.HOSTILE + "/backtracking", Requests.event(
                "provisioning.customer.create.v1", HostileSuite.HOSTILE, id,
                Backtracking.customer("backtracking", suite.hostileTemplate())));
        answered(id, "provisioning.request.rejected.v1");
        suite.othersAreAnswered("a customer built for backtracking");
    }

    private void envelope() {
        suite.scenario("an envelope whose time, traceparent and source are built for backtracking");
        String id = id("envelope");
        ObjectNode event = Backtracking.envelope(Requests.event("provisioning.template.create.v1", HostileSuite.HOSTILE, id,
                Requests.template("Backtracking envelope")));
        suite.send(Topics.TEMPLATE_REQUESTS, HostileSuite.HOSTILE + "/envelope", event);
        answered(id, "provisioning.request.rejected.v1");
        suite.othersAreAnswered("an envelope built for backtracking");
    }

    private void answered(String requestId, String type) {
        long start = System.nanoTime();
        if (suite.expectResult(HostileSuite.HOSTILE, requestId, type, HostileSuite.WITHIN_SECONDS) != null) {
            suite.note("answered in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
        }
    }

    private String id(String name) {
        return "hostile-" + suite.run() + "-" + name;
    }
}
