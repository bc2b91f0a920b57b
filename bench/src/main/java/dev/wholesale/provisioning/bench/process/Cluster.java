package dev.wholesale.provisioning.bench.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.wholesale.provisioning.bench.process.KafkaProcess;
import dev.wholesale.provisioning.bench.process.Ports;
import dev.wholesale.provisioning.bench.process.PostgresProcess;
import dev.wholesale.provisioning.bench.process.WorkerProcess;

/**
 * A Kafka broker, a PostgreSQL server and worker instances, each its own process, that a fault
 * suite can kill, stop and restart.
 */
final class Cluster implements AutoCloseable {

    private final Path directory;
    private final KafkaProcess kafka;
    private final PostgresProcess postgres;
    private final String jdbcUrl;
    private final List<WorkerProcess> workers = new ArrayList<>();
    private int starts;

    private Cluster(Path directory, KafkaProcess kafka, PostgresProcess postgres, String jdbcUrl) {
        this.directory = directory;
        this.kafka = kafka;
        this.postgres = postgres;
        this.jdbcUrl = jdbcUrl;
    }

    static Cluster start(Path directory) throws Exception {
        KafkaProcess kafka = KafkaProcess.format(directory.resolve("kafka")).start();
        PostgresProcess postgres = PostgresProcess.start(directory.resolve("postgres"));
        String jdbcUrl = postgres.createDatabase("provisioning");
        return new Cluster(directory, kafka, postgres, jdbcUrl);
    }

    WorkerProcess startWorker() throws IOException, InterruptedException {
        int port = Ports.free();
        WorkerProcess worker = WorkerProcess.start(WorkerProcess.defaultJar(), port, Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SPRING_DATASOURCE_URL", jdbcUrl + "?reWriteBatchedInserts=true",
                "SPRING_DATASOURCE_USERNAME", postgres.username(),
                "SPRING_DATASOURCE_PASSWORD", "",
                "PROVISIONING_CUSTOMER_WAIT_TIMEOUT", "PT30S",
                "PROVISIONING_RELAY_RETRY_BACKOFF", "PT0.5S",
                "PROVISIONING_LISTENER_RETRY_MAX_INTERVAL", "PT2S",
                "SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "3000"),
                List.of("-Xmx384m", "-XX:+UseSerialGC"), directory.resolve("worker-" + port + ".log"));
        worker.awaitReady(Duration.ofSeconds(120));
        workers.add(worker);
        starts++;
        return worker;
    }

    List<WorkerProcess> workers() {
        return workers;
    }

    int workerStarts() {
        return starts;
    }

    void kill(WorkerProcess worker) throws InterruptedException {
        worker.kill();
        workers.remove(worker);
    }

    KafkaProcess kafka() {
        return kafka;
    }

    PostgresProcess postgres() {
        return postgres;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /** A number from the worker's database; -1 while it cannot be reached. */
    long count(String sql) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, postgres.username(), "");
             Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException unreachable) {
            return -1;
        }
    }

    @Override
    public void close() throws Exception {
        for (WorkerProcess worker : workers) {
            worker.close();
        }
        kafka.close();
        postgres.close();
    }
}
