package dev.wholesale.provisioning.bench.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import dev.wholesale.provisioning.bench.load.LoadPlan;
import dev.wholesale.provisioning.bench.load.LoadSender;
import dev.wholesale.provisioning.bench.process.Cluster;
import dev.wholesale.provisioning.bench.process.WorkerProcess;
import dev.wholesale.provisioning.bench.reconcile.Reconciliation;
import dev.wholesale.provisioning.bench.reconcile.ReconciliationReport;

/**
 * The worker under a steady load of mixed requests while it is killed (SIGKILL) and restarted,
 * its database is stopped and started, its broker restarts, and a third of a three-instance group
 * dies; then a reconciliation of requests, results and database. Ends by itself; the report says
 * whether anything was lost, doubled, reordered or leaked.
 */
public final class FaultSuite {

    /**
     * @param customersPerPartner size of the load (3 partners; about 7 records a customer)
     * @param recordsPerSecond    steady rate of the load
     */
    public record Settings(int customersPerPartner, int recordsPerSecond, long seed) {
        public static Settings standard() {
            return new Settings(150, 50, 20261124L);
        }
    }

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        ReconciliationReport report = run(Files.createTempDirectory("fault-suite"), Settings.standard());
        System.exit(report.isClean() ? 0 : 1);
    }

    public static ReconciliationReport run(Path directory, Settings settings) throws Exception {
        Log log = new Log();
        String runId = "run" + UUID.randomUUID().toString().substring(0, 6);
        try (Cluster cluster = Cluster.start(directory)) {
            log.line("Kafka (own process) at " + cluster.kafka().bootstrapServers() + ", PostgreSQL (own process) at "
                    + cluster.jdbcUrl() + ", work directory " + directory);
            WorkerProcess first = cluster.startWorker();
            log.line("worker 1 ready (pid " + first.pid() + ")");
            Map<String, String> templates = createTemplates(cluster, runId);
            List<LoadPlan.PlannedRecord> plan = LoadPlan.customers(settings.seed(), runId, templates,
                    settings.customersPerPartner());
            log.line("load: " + plan.size() + " records " + LoadPlan.countByTopic(plan) + " at "
                    + settings.recordsPerSecond() + "/s");
            Map<String, Integer> faults = new LinkedHashMap<>();
            try (LoadSender sender = new LoadSender(cluster.kafka().bootstrapServers())) {
                sender.startSending(plan, settings.recordsPerSecond());
                injectFaults(cluster, log, faults, Duration.ofSeconds(plan.size() / settings.recordsPerSecond()));
                sender.awaitSent();
                log.line("load sent: " + sender.sent() + " acknowledged, " + sender.failed() + " failed");
            }
            awaitQuiet(cluster, log, Duration.ofMinutes(4));
            ReconciliationReport report = Reconciliation.withDefaultTopics(cluster.kafka().bootstrapServers(),
                    cluster.jdbcUrl(), cluster.postgres().username(), "").run();
            faults.forEach((fault, times) -> report.count("fault: " + fault, times));
            report.count("worker starts", cluster.workerStarts());
            report.print(System.out);
            return report;
        }
    }

    /** The schedule of faults, spread over the time the load takes to send. */
    private static void injectFaults(Cluster cluster, Log log, Map<String, Integer> faults, Duration loadTime)
            throws Exception {
        long slot = Math.max(4, loadTime.toSeconds() / 6);
        pause(slot);
        killAndRestart(cluster, log, faults);
        pause(slot);
        log.line("stopping PostgreSQL for 5 s");
        cluster.postgres().stop();
        pause(5);
        cluster.postgres().start();
        faults.merge("PostgreSQL stopped 5 s and started", 1, Integer::sum);
        pause(slot);
        log.line("killing and restarting the Kafka broker");
        cluster.kafka().restart(false);
        faults.merge("Kafka broker killed and restarted", 1, Integer::sum);
        pause(slot);
        killAndRestart(cluster, log, faults);
        log.line("scaling to three instances");
        cluster.startWorker();
        WorkerProcess third = cluster.startWorker();
        pause(slot);
        log.line("killing one of three instances (pid " + third.pid() + "): its partitions move");
        cluster.kill(third);
        faults.merge("one of three instances killed (rebalance)", 1, Integer::sum);
        pause(slot);
        killAndRestart(cluster, log, faults);
    }

    private static void killAndRestart(Cluster cluster, Log log, Map<String, Integer> faults) throws Exception {
        WorkerProcess victim = cluster.workers().get(0);
        log.line("SIGKILL worker pid " + victim.pid());
        cluster.kill(victim);
        pause(1);
        WorkerProcess restarted = cluster.startWorker();
        log.line("worker restarted (pid " + restarted.pid() + ")");
        faults.merge("worker killed (SIGKILL) and restarted", 1, Integer::sum);
    }

    private static Map<String, String> createTemplates(Cluster cluster, String runId) throws Exception {
        Map<String, String> provisioningIds = new LinkedHashMap<>();
        try (LoadSender sender = new LoadSender(cluster.kafka().bootstrapServers())) {
            for (String partner : List.of("partner-north", "partner-south", "partner-west")) {
                sender.send(LoadPlan.template(partner, runId));
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (var db = java.sql.DriverManager.getConnection(cluster.jdbcUrl(), cluster.postgres().username(), "");
                 var rows = db.createStatement().executeQuery("select partner_id, provisioning_id from template")) {
                while (rows.next()) {
                    provisioningIds.put(rows.getString(1), rows.getString(2));
                }
            }
            if (provisioningIds.size() == 3) {
                return provisioningIds;
            }
            pause(1);
        }
        throw new IllegalStateException("the templates were not created within 60 s");
    }

    private static void awaitQuiet(Cluster cluster, Log log, Duration timeout) throws Exception {
        cluster.awaitQuiet(timeout);
        log.line("quiet: no lag, no result waiting to be published, no request waiting for its customer");
    }

    private static void pause(long seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000);
    }

    /** Timestamped progress lines on stdout. */
    private static final class Log {
        private final long start = System.nanoTime();

        void line(String text) {
            System.out.printf("[fault-suite %5.1fs] %s%n", (System.nanoTime() - start) / 1e9, text);
        }
    }
}
