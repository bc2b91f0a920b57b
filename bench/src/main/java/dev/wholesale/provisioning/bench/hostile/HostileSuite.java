package dev.wholesale.provisioning.bench.hostile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import dev.wholesale.provisioning.bench.process.Cluster;
import dev.wholesale.provisioning.bench.process.WorkerProcess;
import dev.wholesale.provisioning.bench.reconcile.Reconciliation;
import dev.wholesale.provisioning.bench.reconcile.ReconciliationReport;
import dev.wholesale.provisioning.contracts.catalogue.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real worker jar, two instances, under records a careless or hostile sender can write: a huge
 * key, thousands of headers, strings built for regex backtracking in every pattern-checked field, a
 * compression bomb, results too large for their topic, and a relay leader frozen (SIGSTOP) for 90 s.
 * After each, requests of another partner must be answered within seconds (within a minute of the
 * freeze); at the end both instances still run, on their heap of 384 MiB, and reconciliation is clean.
 * Each finding that breaks that is a line of {@link Outcome#problems()}.
 */
public final class HostileSuite {

    static final String HOSTILE = "partner-hostile";
    static final String VICTIM = "partner-victim";
    /** How long the victim's requests may take while the worker deals with a hostile record. */
    static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);
    static final Duration FREEZE = Duration.ofSeconds(90);
    /** How long a frozen leader may hold up the others: its lease, its locks, its partitions. */
    static final Duration TAKEOVER = Duration.ofSeconds(60);

    /** What the suite found: every scenario's problems, and the reconciliation at the end. */
    public record Outcome(List<String> problems, List<String> scenarios, ReconciliationReport reconciliation) {
    }

    private final Cluster cluster;
    private final ResultTail tail;
    private final RawSender sender;
    private final Log log = new Log();
    private final List<String> problems = new ArrayList<>();
    private final List<String> scenarios = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private String hostileTemplate;
    private String victimTemplate;
    private int victimRequests;

    private HostileSuite(Cluster cluster) {
        this.cluster = cluster;
        this.tail = new ResultTail(cluster.kafka().bootstrapServers(), Topics.RESULTS, List.of(
                Topics.dltOf(Topics.TEMPLATE_REQUESTS), Topics.dltOf(Topics.CUSTOMER_REQUESTS),
                Topics.dltOf(Topics.USER_REQUESTS)));
        this.sender = new RawSender(cluster.kafka().bootstrapServers());
    }

    public static void main(String[] args) throws Exception {
        Outcome outcome = run(Files.createTempDirectory("hostile-suite"));
        outcome.reconciliation().print(System.out);
        outcome.problems().forEach(problem -> System.out.println("PROBLEM: " + problem));
        System.exit(outcome.problems().isEmpty() && outcome.reconciliation().isClean() ? 0 : 1);
    }

    public static Outcome run(Path directory) throws Exception {
        try (Cluster cluster = Cluster.start(directory)) {
            cluster.startWorker();
            cluster.startWorker();
            HostileSuite suite = new HostileSuite(cluster);
            try {
                return suite.runScenarios();
            } finally {
                suite.close();
            }
        }
    }

    private Outcome runScenarios() throws Exception {
        setUp();
        new Sizes(this).run();
        new Patterns(this).run();
        new LargeResults(this).run();
        new FrozenLeader(this).run();
        for (WorkerProcess worker : cluster.workers()) {
            if (!worker.isAlive()) {
                problem("worker pid " + worker.pid() + " is not running at the end; see " + worker.log());
            }
        }
        cluster.awaitQuiet(Duration.ofMinutes(3));
        ReconciliationReport reconciliation = Reconciliation.withDefaultTopics(cluster.kafka().bootstrapServers(),
                cluster.jdbcUrl(), cluster.postgres().username(), "").run();
        return new Outcome(problems, scenarios, reconciliation);
    }

    private void setUp() {
        hostileTemplate = createTemplate(HOSTILE, "Hostile " + run);
        victimTemplate = createTemplate(VICTIM, "Victim " + run);
        String customer = "hostile-customer";
        String id = "setup-customer-" + run;
        send(Topics.CUSTOMER_REQUESTS, HOSTILE + "/" + customer, Requests.event("provisioning.customer.create.v1", HOSTILE,
                id, Requests.customer(customer, hostileTemplate, "admin@hostile-" + run + ".test")));
        expectResult(HOSTILE, id, "provisioning.customer.provisioned.v1", Duration.ofSeconds(60));
        log.line("set up: templates of " + HOSTILE + " and " + VICTIM + ", customer " + customer);
    }

    // ---- what every scenario uses ----------------------------------------------------------------

    Cluster cluster() {
        return cluster;
    }

    String run() {
        return run;
    }

    String hostileTemplate() {
        return hostileTemplate;
    }

    ResultTail tail() {
        return tail;
    }

    RawSender sender() {
        return sender;
    }

    void scenario(String name) {
        scenarios.add(name);
        log.line(name);
    }

    void problem(String problem) {
        problems.add(problem);
        log.line("PROBLEM: " + problem);
    }

    void note(String text) {
        log.line("  " + text);
    }

    /** Sends a structured-mode request; the broker must take it. */
    RawSender.Sent send(String topic, String key, ObjectNode event) {
        RawSender.Sent sent = sender.send(topic, key.getBytes(StandardCharsets.UTF_8), Requests.bytes(event),
                List.of(contentType()), false);
        if (!sent.taken()) {
            throw new IllegalStateException("the broker refused a request of the suite: " + sent.refusal());
        }
        return sent;
    }

    static Header contentType() {
        return new RecordHeader("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
    }

    /** The result of a request, of this type, within {@code timeout}; a problem if not. */
    JsonNode expectResult(String partner, String requestId, String type, Duration timeout) {
        ResultTail.Arrival arrival = tail.await(partner, requestId, timeout);
        if (arrival == null) {
            problem("no result for " + partner + " " + requestId + " within " + timeout.toSeconds() + " s");
            return null;
        }
        if (!arrival.event().path("type").asString().equals(type)) {
            problem(requestId + ": " + arrival.event().path("type").asString() + ", expected " + type + ": "
                    + arrival.event().path("data").path("errors"));
        }
        String customerKey = partner + "/" + arrival.event().path("subject").asString("");
        if (!customerKey.equals(arrival.key())) {
            problem(requestId + ": result keyed " + abbreviated(arrival.key()) + ", not by its customer " + customerKey);
        }
        return arrival.event();
    }

    /** The dead letter of a record the broker took, with this reason, within {@code timeout}. */
    ConsumerRecord<byte[], byte[]> expectDeadLetter(String topic, RawSender.Sent sent, String reason, Duration timeout) {
        ConsumerRecord<byte[], byte[]> deadLetter = tail.awaitDeadLetter(topic, sent.metadata().offset(), timeout);
        if (deadLetter == null) {
            problem("no dead letter for " + topic + "@" + sent.metadata().offset() + " within " + timeout.toSeconds() + " s");
        } else if (!reason.equals(ResultTail.header(deadLetter, "dlt-reason"))) {
            problem(topic + "@" + sent.metadata().offset() + " dead-lettered as " + ResultTail.header(deadLetter, "dlt-reason")
                    + ", expected " + reason);
        }
        return deadLetter;
    }

    /**
     * The broker refuses the record to its sender, so it never reaches the worker: as too large, or,
     * for a bomb that expands beyond what the broker's own heap holds while it checks it, with an
     * unexpected server error (the broker carries on).
     */
    void expectRefusedByTheBroker(String what, RawSender.Sent sent) {
        if (sent.taken()) {
            problem(what + ": expected the broker to refuse it, but it took it at offset " + sent.metadata().offset());
        } else {
            note("the broker refused it: " + sent.refusal().getClass().getSimpleName()
                    + (sent.refusal() instanceof RecordTooLargeException ? "" : " (" + sent.refusal().getMessage() + ")"));
        }
    }

    /** Requests of another partner, sent now, answered within seconds: nothing hostile holds anyone up. */
    void othersAreAnswered(String after) {
        othersAreAnswered(after, WITHIN_SECONDS);
    }

    void othersAreAnswered(String after, Duration within) {
        List<String> ids = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            String id = "victim-" + run + "-" + victimRequests++;
            ids.add(id);
            send(Topics.TEMPLATE_REQUESTS, VICTIM + "/" + id, Requests.event("provisioning.template.create.v1", VICTIM, id,
                    Requests.template("Victim " + id)));
        }
        for (String id : ids) {
            if (expectResult(VICTIM, id, "provisioning.template.created.v1", within) == null) {
                problem(VICTIM + " was held up after " + after);
                return;
            }
        }
        note(VICTIM + " answered within " + (System.nanoTime() - start) / 1_000_000 + " ms after " + after);
    }

    private String createTemplate(String partner, String name) {
        String id = "setup-template-" + partner + "-" + run;
        send(Topics.TEMPLATE_REQUESTS, partner + "/" + name, Requests.event("provisioning.template.create.v1", partner,
                id, Requests.template(name)));
        JsonNode created = expectResult(partner, id, "provisioning.template.created.v1", Duration.ofSeconds(60));
        if (created == null) {
            throw new IllegalStateException("the worker did not answer the set-up within 60 s");
        }
        return created.path("data").path("template").path("provisioningId").asString();
    }

    static String abbreviated(String text) {
        return text == null || text.length() <= 80 ? text : text.substring(0, 80) + "... (" + text.length() + " chars)";
    }

    private void close() throws InterruptedException {
        sender.close();
        tail.close();
    }

    /** Timestamped progress lines on stdout. */
    private static final class Log {
        private final long start = System.nanoTime();

        void line(String text) {
            System.out.printf("[hostile-suite %5.1fs] %s%n", (System.nanoTime() - start) / 1e9, text);
        }
    }
}
