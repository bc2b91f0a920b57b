package dev.wholesale.provisioning.bench.perf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.wholesale.provisioning.bench.load.LoadPlan;
import dev.wholesale.provisioning.bench.load.LoadSender;
import dev.wholesale.provisioning.bench.process.KafkaProcess;
import dev.wholesale.provisioning.bench.process.Ports;
import dev.wholesale.provisioning.bench.process.PostgresProcess;
import dev.wholesale.provisioning.bench.process.WorkerProcess;
import dev.wholesale.provisioning.bench.reconcile.Reconciliation;
import dev.wholesale.provisioning.bench.reconcile.ReconciliationReport;
import dev.wholesale.provisioning.contracts.catalogue.Topics;

import tools.jackson.databind.node.ObjectNode;

/**
 * The worker against a migration burst, next to what the hardware allows: loads the burst into
 * Kafka first, then starts the worker and measures until every result is out; then a paced run at
 * half that speed for latency; the plain-consumer and plain-COPY baselines in the same run; and a
 * reconciliation. Prints the figures and writes them as JSON, an SVG chart and a history line.
 * <pre>mvn -B -q -pl bench exec:java -Dexec.mainClass=dev.wholesale.provisioning.bench.perf.Benchmark \
 *     -Dexec.args="--customers=10000 --users=1000000"</pre>
 * {@code --worker-jvm="-XX:StartFlightRecording=filename=worker.jfr,settings=profile"} profiles the
 * worker (JFR); such runs are for finding where time goes, not for the history. {@code --note="..."}
 * says in the history what the run tried; several JVM options go in quotes inside the arguments
 * ({@code '--worker-jvm=-Da=1 -Db=2'}). The worker runs as the container image runs it (the
 * extracted jar with a class-data-sharing archive from a training run); {@code --layout=jar} runs
 * {@code java -jar} on the packaged jar instead. {@code --postgres-config="name=value;name=value"}
 * starts PostgreSQL with those settings, to try the database's own (autovacuum, checkpoints).
 * {@code --warm-up-seconds=10} (the default) runs that long at half speed right after the burst,
 * reported on its own, before the half-speed phase ({@code --half-speed-seconds=30}) is measured.
 */
public final class Benchmark {

    private static final Pattern REQUEST_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        int customers = Integer.parseInt(options.getOrDefault("customers", "10000"));
        int users = Integer.parseInt(options.getOrDefault("users", "1000000"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "100"));
        int halfSpeedSeconds = Integer.parseInt(options.getOrDefault("half-speed-seconds", "30"));
        int warmUpSeconds = Integer.parseInt(options.getOrDefault("warm-up-seconds", "10"));
        String runId = "bench-" + Instant.now().toString().replaceAll("[^0-9]", "").substring(0, 14);
        Path directory = Files.createDirectories(Path.of("target", "benchmark", runId)).toAbsolutePath();
        Path migration = Path.of("worker/src/main/resources/db/migration/V1__provisioning_schema.sql");
        if (!Files.exists(migration)) {
            migration = Path.of("../", migration.toString());
        }
        BenchmarkReport report = new BenchmarkReport();
        ObjectNode figures = report.figures.put("run", runId).put("at", Instant.now().toString())
                .put("customers", customers).put("users", users).put("batchSize", batch)
                .put("machine", Runtime.getRuntime().availableProcessors() + " cores")
                .put("note", options.getOrDefault("note", ""))
                .put("workerJvm", options.getOrDefault("worker-jvm", ""))
                .put("postgresConfig", options.getOrDefault("postgres-config", ""));
        say("run " + runId + ": " + customers + " customers, " + users + " users in batches of " + batch);

        try (KafkaProcess kafka = KafkaProcess.format(directory.resolve("kafka")).start();
             PostgresProcess postgres = PostgresProcess.start(directory.resolve("postgres"), postgresConfig(options))) {
            String jdbcUrl = postgres.createDatabase("provisioning");
            Map<String, String> environment = Map.of(
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "SPRING_DATASOURCE_URL", jdbcUrl + "?reWriteBatchedInserts=true",
                    "SPRING_DATASOURCE_USERNAME", postgres.username(), "SPRING_DATASOURCE_PASSWORD", "",
                    "LOGGING_LEVEL_PROVISIONING_REQUESTS", "WARN");
            List<String> jvm = new java.util.ArrayList<>(List.of("-Xmx512m"));
            if (options.containsKey("worker-jvm")) {
                jvm.addAll(List.of(options.get("worker-jvm").split(" ")));
            }

            Map<String, String> templates = createTemplates(kafka, jdbcUrl, postgres, environment, jvm, directory, runId);
            BurstPlan burst = new BurstPlan(runId, templates, customers, users, batch, 1);
            Map<String, Long> sentAt = ResultCounter.newSentAtMap();
            long loadStart = System.nanoTime();
            send(kafka, burst, sentAt, 0);
            say("burst loaded into Kafka: " + burst.requests() + " records in "
                    + seconds(loadStart) + " s");

            Baselines.ConsumerBaseline consumerBaseline = Baselines.consume(kafka.bootstrapServers(),
                    List.of(Topics.CUSTOMER_REQUESTS, Topics.USER_REQUESTS));
            say(String.format("baseline, plain consumer: %,d records in %.1f s = %,.0f records/s (%,.0f users/s)",
                    consumerBaseline.records(), consumerBaseline.seconds(), consumerBaseline.recordsPerSecond(),
                    consumerBaseline.recordsPerSecond() * batch));

            // As the container image runs it, unless --layout=jar asks for the jar itself (slower to start).
            boolean asJar = "jar".equals(options.get("layout"));
            Path application = asJar ? WorkerProcess.defaultJar()
                    : WorkerProcess.extractedAsInTheImage(WorkerProcess.defaultJar(), directory.resolve("worker-app"), jvm);
            figures.put("layout", asJar ? "jar" : "image");
            long expected = burst.requests();
            Map<Long, long[]> throughput = new LinkedHashMap<>();
            long walAtStart = WalPosition.read(jdbcUrl, postgres.username());
            try (ResultCounter counter = new ResultCounter(kafka.bootstrapServers(), sentAt)) {
                counter.start();
                try (WorkerProcess worker = WorkerProcess.start(application, Ports.free(), environment, jvm,
                        directory.resolve("worker.log"))) {
                    Duration startup = worker.awaitReady(Duration.ofSeconds(120));
                    ProcessStats stats = new ProcessStats(worker.pid(), worker.port());
                    long readyAt = System.currentTimeMillis();
                    CoreUsage.Processes processes = new CoreUsage.Processes(worker.pid(), postgres.postmasterPid(),
                            kafka.pid());
                    CoreUsage atReady = processes.read();
                    awaitResults(counter, 0, expected, stats, Duration.ofMinutes(30));
                    double busy = Math.max(0.001, (counter.lastResultAt() - readyAt) / 1000.0);
                    // Read as the last result arrives: the phase is from ready to last result.
                    CoreUsage cores = processes.read().coresSince(atReady, busy);
                    double walPerRequest = (WalPosition.read(jdbcUrl, postgres.username()) - walAtStart) / (double) expected;
                    ObjectNode full = figures.putObject("fullSpeed")
                            .put("seconds", round(busy))
                            .put("customersPerSecond", round(counter.customers.get() / busy))
                            .put("usersPerSecond", round(counter.users.get() / busy))
                            .put("resultsPerSecond", round(counter.results.get() / busy))
                            .put("startupSeconds", round(startup.toMillis() / 1000.0))
                            .put("requestsThatWaitedForTheirCustomer", stats.requestsThatWaited())
                            .put("postgresWalBytesPerRequest", Math.round(walPerRequest));
                    cores.putInto(full);
                    full.set("latencyFromSend", BenchmarkReport.percentiles(counter.latencies()));
                    say(String.format("worker at full speed: %,.0f customers/s, %,.0f users/s, %,.0f results/s over %.1f s;"
                                    + " %.2f cores; start-up %.1f s; %d requests waited for their customer",
                            counter.customers.get() / busy, counter.users.get() / busy, counter.results.get() / busy, busy,
                            cores.worker(), startup.toMillis() / 1000.0, stats.requestsThatWaited()));
                    say("cores busy meanwhile: " + cores.describe());
                    say(String.format("PostgreSQL wrote %,.0f bytes of WAL per request (autovacuum and checkpoints"
                            + " included)", walPerRequest));
                    throughput.putAll(counter.perSecond);
                    double[] secondHalf = secondHalf(counter.perSecond);
                    full.putObject("secondHalf").put("usersPerSecond", round(secondHalf[1]))
                            .put("resultsPerSecond", round(secondHalf[0]));
                    say(String.format("second half of the full-speed phase (JIT warm-up behind): %,.0f users/s,"
                            + " %,.0f results/s", secondHalf[1], secondHalf[0]));

                    int rate = (int) Math.max(1, counter.results.get() / busy / 2);
                    if (warmUpSeconds > 0) {
                        // Paths the burst did not take (a trickle of requests, the interleaving, this
                        // benchmark's own pacing) are compiled now, in the worker, Kafka and here, while
                        // PostgreSQL vacuums what the burst wrote; on two cores that takes a share of them.
                        // Its latency is the burst's aftermath, reported apart from the steady pace after it.
                        counter.restartClock();
                        sendPacedAndAwait(kafka, pacedPlan(runId + "w", templates, rate, warmUpSeconds, customers,
                                expected, batch), rate, sentAt, counter, stats);
                        ObjectNode afterBurst = figures.putObject("halfSpeedRightAfterBurst").put("seconds", warmUpSeconds);
                        afterBurst.set("latencyFromSend", BenchmarkReport.percentiles(counter.latencies()));
                        say("half speed in the first " + warmUpSeconds + " s after the burst (JIT compiling, autovacuum"
                                + " running): latency " + afterBurst.path("latencyFromSend"));
                    }
                    counter.restartClock();
                    BurstPlan paced = pacedPlan(runId + "h", templates, rate, halfSpeedSeconds, customers, expected, batch);
                    long waitedBefore = stats.requestsThatWaited();
                    CoreUsage halfBefore = processes.read();
                    long halfStart = System.currentTimeMillis();
                    DatabaseHousekeeping housekeeping = new DatabaseHousekeeping(jdbcUrl, postgres.username());
                    CoresBySecond coresBySecond = new CoresBySecond(processes);
                    try (housekeeping; coresBySecond) {
                        housekeeping.start();
                        coresBySecond.start();
                        say("half-speed phase from " + Instant.ofEpochMilli(halfStart));
                        sendPacedAndAwait(kafka, paced, rate, sentAt, counter, stats);
                    }
                    CoreUsage halfCores = processes.read()
                            .coresSince(halfBefore, Math.max(0.001, (System.currentTimeMillis() - halfStart) / 1000.0));
                    ObjectNode half = figures.putObject("halfSpeed").put("requestsPerSecond", rate)
                            .put("requestsThatWaitedForTheirCustomer", stats.requestsThatWaited() - waitedBefore);
                    halfCores.putInto(half);
                    half.set("latencyFromSend", BenchmarkReport.percentiles(counter.latencies()));
                    half.set("usersRequestsLatencyFromSend", BenchmarkReport.percentiles(counter.usersLatencies()));
                    say("worker at half speed (" + rate + " requests/s, creates and users requests interleaved): latency "
                            + half.path("latencyFromSend") + "; users requests alone " + half.path("usersRequestsLatencyFromSend")
                            + "; " + half.path("requestsThatWaitedForTheirCustomer") + " requests waited for their customer");
                    say("cores busy meanwhile: " + halfCores.describe());
                    reportSlowSeconds(counter, coresBySecond.bySecond(), housekeeping.bySecond(), half);
                    figures.put("workerHeapPeakMiB", stats.heapPeak() / (1024 * 1024))
                            .put("workerRssPeakMiB", stats.rssPeak() / (1024 * 1024));
                    say("worker heap peak " + stats.heapPeak() / (1024 * 1024) + " MiB, RSS peak "
                            + stats.rssPeak() / (1024 * 1024) + " MiB");

                    Baselines.JdbcBaseline jdbc = Baselines.copy(postgres.jdbcUrl("postgres"), postgres.username(),
                            migration, customers, users);
                    say(String.format("baseline, plain COPY into the same tables: %,.0f customers/s, %,.0f users/s",
                            jdbc.customersPerSecond(), jdbc.usersPerSecond()));
                    ObjectNode baselines = figures.putObject("baselines")
                            .put("consumerRecordsPerSecond", round(consumerBaseline.recordsPerSecond()))
                            .put("consumerUsersPerSecond", round(consumerBaseline.recordsPerSecond() * batch))
                            .put("copyCustomersPerSecond", round(jdbc.customersPerSecond()))
                            .put("copyUsersPerSecond", round(jdbc.usersPerSecond()));
                    if (users > 0) {
                        double slowerUsersBaseline = Math.min(jdbc.usersPerSecond(), consumerBaseline.recordsPerSecond() * batch);
                        double ratio = figures.path("fullSpeed").path("usersPerSecond").asDouble() / slowerUsersBaseline;
                        baselines.put("workerUsersPerSecondAsShareOfSlowerBaseline", round(ratio));
                        say(String.format("worker users/s = %.2f of the slower baseline", ratio));
                    } else {
                        // A burst of customer creates alone: compare customers, there are no users to compare.
                        double slowerCustomersBaseline = Math.min(jdbc.customersPerSecond(), consumerBaseline.recordsPerSecond());
                        double ratio = figures.path("fullSpeed").path("customersPerSecond").asDouble() / slowerCustomersBaseline;
                        baselines.put("workerCustomersPerSecondAsShareOfSlowerBaseline", round(ratio));
                        say(String.format("worker customers/s = %.3f of the slower baseline", ratio));
                    }
                }
            }
            ReconciliationReport reconciliation = Reconciliation.withDefaultTopics(kafka.bootstrapServers(), jdbcUrl,
                    postgres.username(), "").run();
            reconciliation.print(System.out);
            figures.put("reconciliationClean", reconciliation.isClean());
            report.write(resultsDirectory(), runId, throughput);
            say("figures written to " + resultsDirectory().resolve(runId + ".json") + ", chart "
                    + resultsDirectory().resolve(runId + "-throughput.svg") + ", history " + resultsDirectory().resolve("history.jsonl"));
        }
    }

    /**
     * The requests slower than {@link ResultCounter#SLOW_MILLIS}, by the second of the phase they
     * were sent in: spread over the phase they mean a queue, bunched they mean a stall. Beside them,
     * what PostgreSQL's housekeeping was doing in that second and the next (a request sent in one
     * second is held up by what happens after it), and the cores busy in those seconds, which
     * tell requests queueing for a saturated machine from a wait on something else.
     */
    private static void reportSlowSeconds(ResultCounter counter, Map<Long, CoreUsage> cores,
                                          Map<Long, Set<String>> housekeeping, ObjectNode phase) {
        ObjectNode slow = phase.putObject("slowerThan" + ResultCounter.SLOW_MILLIS + "MsBySecondSent");
        StringBuilder slowSeconds = new StringBuilder();
        counter.latencyBySecondSent.forEach((second, bin) -> {
            slow.putArray(Long.toString(second)).add(bin[0]).add(bin[1]).add(bin[2]);
            if (bin[1] > 0) {
                Set<String> seen = new TreeSet<>(housekeeping.getOrDefault(second, Set.of()));
                seen.addAll(housekeeping.getOrDefault(second + 1, Set.of()));
                CoreUsage same = cores.get(second);
                CoreUsage next = cores.get(second + 1);
                slowSeconds.append(String.format("%n  %ds: %d of %d (slowest %d ms)%s%s%s", second, bin[1], bin[0], bin[2],
                        same == null ? "" : "; " + same.brief(),
                        next == null ? "" : String.format(", next second %.2f", next.machine()),
                        seen.isEmpty() ? "" : "; PostgreSQL meanwhile: " + String.join(", ", seen)));
            }
        });
        say("requests slower than " + ResultCounter.SLOW_MILLIS + " ms, by the second of the phase they were sent in:"
                + (slowSeconds.length() == 0 ? " none" : slowSeconds));
        ObjectNode coresPerSecond = phase.putObject("coresBusyBySecond");
        cores.forEach((second, usage) -> usage.putInto(coresPerSecond.putObject(Long.toString(second))));
        ObjectNode bySecond = phase.putObject("postgresHousekeepingBySecond");
        housekeeping.forEach((second, seen) -> seen.forEach(bySecond.putArray(Long.toString(second))::add));
        say("PostgreSQL's housekeeping during the phase, by second:" + (housekeeping.isEmpty() ? " none" : ""));
        housekeeping.forEach((second, seen) -> say("  " + second + "s: " + String.join(", ", seen)));
    }

    private static Map<String, String> postgresConfig(Map<String, String> options) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : options.getOrDefault("postgres-config", "").split(";")) {
            String[] pair = setting.split("=", 2);
            if (pair.length == 2) {
                settings.put(pair[0].trim(), pair[1].trim());
            }
        }
        return settings;
    }

    private static Path resultsDirectory() {
        Path fromRoot = Path.of("bench", "results");
        return Files.isDirectory(Path.of("bench")) ? fromRoot : Path.of("results");
    }

    private static Map<String, String> createTemplates(KafkaProcess kafka, String jdbcUrl, PostgresProcess postgres,
                                                       Map<String, String> environment, List<String> jvm, Path directory,
                                                       String runId) throws Exception {
        try (WorkerProcess worker = WorkerProcess.start(WorkerProcess.defaultJar(), Ports.free(), environment, jvm,
                directory.resolve("worker-setup.log"));
             LoadSender sender = new LoadSender(kafka.bootstrapServers())) {
            worker.awaitReady(Duration.ofSeconds(120));
            for (String partner : List.of("partner-1", "partner-2", "partner-3", "partner-4")) {
                sender.send(LoadPlan.template(partner, runId));
            }
            Map<String, String> ids = new LinkedHashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ids.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                try (var db = DriverManager.getConnection(jdbcUrl, postgres.username(), "");
                     var rows = db.createStatement().executeQuery("select partner_id, provisioning_id from template")) {
                    while (rows.next()) {
                        ids.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            return ids;
        }
    }

    /**
     * Results and users per second from the middle of the phase to its end. The whole phase's
     * average includes the JIT compiling the worker's hot paths, which a burst of a few seconds
     * is dominated by; the second half shows the pace a longer burst keeps.
     */
    private static double[] secondHalf(Map<Long, long[]> perSecond) {
        long first = perSecond.entrySet().stream().filter(bin -> bin.getValue()[0] > 0).mapToLong(Map.Entry::getKey)
                .min().orElse(0);
        long last = perSecond.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        long middle = (first + last + 1) / 2;
        long[] sum = new long[2];
        perSecond.forEach((second, bin) -> {
            if (second >= middle) {
                sum[0] += bin[0];
                sum[1] += bin[1];
            }
        });
        double seconds = Math.max(1, last - middle + 1);
        return new double[] {sum[0] / seconds, sum[1] / seconds};
    }

    /**
     * The same mix of customers and users requests as the burst, for {@code seconds} at {@code rate},
     * interleaved: sent as the burst was (all customers first), the first half of the phase would be
     * cheap creates at a small share of full speed and the second half users requests at nearly all
     * of it, which is not half speed. A customer's users follow its create by about a second, as in
     * the burst they follow all creates.
     */
    private static BurstPlan pacedPlan(String id, Map<String, String> templates, int rate, int seconds, int customers,
                                       long expected, int batch) {
        long requests = (long) rate * seconds;
        int pacedCustomers = (int) Math.max(1, requests * customers / expected);
        int pacedUsers = (int) Math.max(batch, (requests - pacedCustomers) * batch);
        return new BurstPlan(id, templates, pacedCustomers, pacedUsers, batch, 0).interleaved(Math.max(1, rate / 2));
    }

    /**
     * Sends a plan as fast as possible ({@code perSecond} 0) or paced; notes each request's send time.
     * A paced plan is built before the clock starts: building a users request costs this benchmark
     * more than sending it, and on a shared machine that CPU would be taken from the servers whose
     * latency the paced phase measures.
     */
    private static void send(KafkaProcess kafka, BurstPlan plan, Map<String, Long> sentAt, int perSecond) throws Exception {
        try (LoadSender sender = new LoadSender(kafka.bootstrapServers())) {
            if (perSecond == 0) {
                plan.forEach(record -> {
                    sentAt.put(requestId(record), System.currentTimeMillis());
                    sender.send(record);
                });
                return;
            }
            List<LoadPlan.PlannedRecord> records = new ArrayList<>();
            plan.forEach(records::add);
            List<String> ids = records.stream().map(Benchmark::requestId).toList();
            long start = System.nanoTime();
            for (int i = 0; i < records.size(); i++) {
                long wait = start + i * 1_000_000_000L / perSecond - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                sentAt.put(ids.get(i), System.currentTimeMillis());
                sender.send(records.get(i));
            }
        }
    }

    private static String requestId(LoadPlan.PlannedRecord record) {
        Matcher id = REQUEST_ID.matcher(new String(record.value(), 0, Math.min(200, record.value().length),
                StandardCharsets.UTF_8));
        if (!id.find()) {
            throw new IllegalStateException("no request id near the start of " + record.topic() + " record " + record.key());
        }
        return id.group(1);
    }

    /** Sends a plan at {@code perSecond} and waits for all its results. */
    private static void sendPacedAndAwait(KafkaProcess kafka, BurstPlan plan, int perSecond, Map<String, Long> sentAt,
                                          ResultCounter counter, ProcessStats stats) throws Exception {
        long before = counter.results.get();
        send(kafka, plan, sentAt, perSecond);
        awaitResults(counter, before, plan.requests(), stats, Duration.ofMinutes(10));
    }

    /** Waits until {@code expected} results more than {@code start} have been counted. */
    private static void awaitResults(ResultCounter counter, long start, long expected, ProcessStats stats, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (counter.results.get() - start < expected && System.nanoTime() < deadline) {
            stats.sampleHeap();
            Thread.sleep(1000);
        }
        if (counter.results.get() - start < expected) {
            throw new IllegalStateException("only " + (counter.results.get() - start) + " of " + expected + " results");
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void say(String line) {
        System.out.println("[benchmark] " + line);
    }
}
