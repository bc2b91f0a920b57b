package dev.wholesale.provisioning.bench.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.wholesale.provisioning.bench.process.WorkerProcess;
import dev.wholesale.provisioning.testkit.DataSourceSpec;
import dev.wholesale.provisioning.testkit.LocalServers;
import dev.wholesale.provisioning.testkit.Mode;

/**
 * The worker on an embedded default, working: starts a real Kafka broker and a real PostgreSQL
 * in this JVM, the real worker jar as its own process, feeds it the contract examples (template,
 * customer, users, one invalid request) as an ordering system would, and prints every result event
 * as it arrives. Keeps running until stopped, unless started with {@code --exit-after-demo}.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        boolean exitAfterDemo = List.of(args).contains("--exit-after-demo") || Boolean.getBoolean("demo.exit");
        // --capture=DIR: also play the teardown and keep one result event per type (how the result examples were made)
        Path capture = List.of(args).stream().filter(arg -> arg.startsWith("--capture=")).findFirst()
                .map(arg -> Path.of(arg.substring("--capture=".length()))).orElse(null);
        exitAfterDemo |= capture != null;
        Console console = new Console();
        console.headline("Starting an embedded Kafka broker and an embedded PostgreSQL (no Docker needed)...");
        try (LocalServers servers = LocalServers.start(Mode.EMBEDDED)) {
            DataSourceSpec database = servers.postgres().createDatabase("provisioning");
            console.line("Kafka " + servers.kafkaBootstrapServers() + ", PostgreSQL " + database.jdbcUrl());
            Path log = Path.of("target", "demo", "worker.log").toAbsolutePath();
            console.headline("Starting the worker (" + WorkerProcess.defaultJar().getFileName() + ") as its own process...");
            try (WorkerProcess worker = WorkerProcess.start(WorkerProcess.defaultJar(), 8080, Map.of(
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrapServers(),
                    "SPRING_DATASOURCE_URL", database.jdbcUrl(),
                    "SPRING_DATASOURCE_USERNAME", database.username(),
                    "SPRING_DATASOURCE_PASSWORD", database.password() == null ? "" : database.password(),
                    "PROVISIONING_TOPICS_PARTITIONS", "3",
                    "PROVISIONING_TOPICS_RESULT_PARTITIONS", "3"), List.of("-Xmx512m"), log);
                 ResultWatcher results = new ResultWatcher(servers.kafkaBootstrapServers(), console)) {
                Duration ready = worker.awaitReady(Duration.ofSeconds(90));
                console.line("Worker ready in " + ready.toMillis() + " ms (pid " + worker.pid() + ", log " + log
                        + ", health http://localhost:" + worker.port() + "/actuator/health)");
                results.start();
                ExampleStory story = new ExampleStory(results, console);
                String provisioningId = story.play();
                if (capture != null) {
                    story.playTeardown(provisioningId);
                    results.writeResultsTo(capture);
                    console.line("Wrote one result event per type to " + capture);
                }
                if (exitAfterDemo) {
                    console.headline("Demo done.");
                    return;
                }
                console.headline("The worker keeps running. Send requests to the topics at " + servers.kafkaBootstrapServers()
                        + "; results are printed here. Ctrl-C stops everything.");
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
                stopped.await();
            }
        }
    }
}
