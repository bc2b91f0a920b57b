package dev.wholesale.provisioning.bench.hostile;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.wholesale.provisioning.bench.process.WorkerProcess;
import dev.wholesale.provisioning.contracts.catalogue.Topics;

/**
 * The instance that leads the relay is frozen (SIGSTOP) for 90 s while another partner sends five
 * requests a second: the frozen leader's lease must expire and another instance take over, its
 * partitions move, its open transaction be ended by the server, so that every request sent during
 * the freeze is answered within a minute. Then it is thawed (SIGCONT): Kafka fences its relay, and
 * reconciliation finds nothing doubled or lost.
 */
final class FrozenLeader {

    private final HostileSuite suite;

    FrozenLeader(HostileSuite suite) {
        this.suite = suite;
    }

    void run() throws Exception {
        suite.scenario("the relay leader frozen (SIGSTOP) for " + HostileSuite.FREEZE.toSeconds() + " s under load");
        String holderBefore = leaseHolder();
        WorkerProcess leader = suite.cluster().workers().stream()
                .filter(worker -> holderBefore != null && holderBefore.startsWith(worker.pid() + "@")).findFirst().orElse(null);
        if (leader == null) {
            suite.problem("no running instance holds the relay lease (holder " + holderBefore + ")");
            return;
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Thread load = new Thread(() -> steadyLoad(sentAt), "victim-load");
        load.start();
        Thread.sleep(2_000);
        suite.note("SIGSTOP pid " + leader.pid() + " (lease " + holderBefore + ")");
        leader.freeze();
        try {
            Thread.sleep(HostileSuite.FREEZE.toMillis());
            String holderDuring = leaseHolder();
            if (holderDuring == null || holderDuring.equals(holderBefore)) {
                suite.problem("the relay lease is still held by the frozen instance after " + HostileSuite.FREEZE.toSeconds() + " s");
            } else {
                suite.note("lease taken over by " + holderDuring);
            }
        } finally {
            leader.thaw();
            suite.note("SIGCONT pid " + leader.pid());
        }
        Thread.sleep(5_000);
        load.interrupt();
        load.join();
        answeredInTime(sentAt);
        if (!leader.isAlive()) {
            suite.problem("the thawed instance died; see " + leader.log());
        }
    }

    private void steadyLoad(Map<String, Long> sentAt) {
        int n = 0;
        while (!Thread.currentThread().isInterrupted()) {
            String id = "victim-" + suite.run() + "-steady-" + n++;
            sentAt.put(id, System.nanoTime());
            suite.send(Topics.TEMPLATE_REQUESTS, HostileSuite.VICTIM + "/" + id, Requests.event(
                    "provisioning.template.create.v1", HostileSuite.VICTIM, id, Requests.template("Steady " + id)));
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Every request sent around the freeze is answered within {@link HostileSuite#TAKEOVER} of being sent. */
    private void answeredInTime(Map<String, Long> sentAt) {
        long slowest = 0;
        int late = 0;
        for (Map.Entry<String, Long> sent : sentAt.entrySet()) {
            long left = Math.max(0, sent.getValue() + HostileSuite.TAKEOVER.toNanos() - System.nanoTime());
            ResultTail.Arrival arrival = suite.tail().await(HostileSuite.VICTIM, sent.getKey(), Duration.ofNanos(left));
            long took = arrival == null ? Long.MAX_VALUE : arrival.nanoTime() - sent.getValue();
            if (took > HostileSuite.TAKEOVER.toNanos()) {
                late++;
            } else {
                slowest = Math.max(slowest, took);
            }
        }
        suite.note(sentAt.size() + " requests sent around the freeze; slowest answered in " + slowest / 1_000_000 + " ms");
        if (late > 0) {
            suite.problem(late + " of " + sentAt.size() + " requests sent around the freeze were not answered within "
                    + HostileSuite.TAKEOVER.toSeconds() + " s");
        }
    }

    private String leaseHolder() {
        return suite.cluster().string("select holder from relay_lease where expires_at > now()");
    }
}
