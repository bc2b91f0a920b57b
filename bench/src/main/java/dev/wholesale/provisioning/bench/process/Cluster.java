package dev.wholesale.provisioning.bench.process;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A Kafka broker, a PostgreSQL server and worker instances, each its own process, that a fault
 * suite can kill, freeze, stop and restart.
 */
public final class Cluster implements AutoCloseable {

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

    public static Cluster start(Path directory) throws Exception {
        KafkaProcess kafka = KafkaProcess.format(directory.resolve("kafka")).start();
        PostgresProcess postgres = PostgresProcess.start(directory.resolve("postgres"));
        String jdbcUrl = postgres.createDatabase("provisioning");
        return new Cluster(directory, kafka, postgres, jdbcUrl);
    }

    public WorkerProcess startWorker() throws IOException, InterruptedException {
        int port = Ports.free();
        WorkerProcess worker = WorkerProcess.start(WorkerProcess.defaultJar(), port, Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SPRING_DATASOURCE_URL", jdbcUrl + "?reWriteBatchedInserts=true",
                "SPRING_DATASOURCE_USERNAME", postgres.username(),
                "SPRING_DATASOURCE_PASSWORD", "",
                "PROVISIONING_CUSTOMER_WAIT_TIMEOUT", "PT30S",
                "PROVISIONING_RELAY_RETRY_BACKOFF", "PT0.5S",
                "PROVISIONING_LISTENER_RETRY_MAX_INTERVAL", "PT2S"),
                List.of("-Xmx384m", "-XX:+UseSerialGC"), directory.resolve("worker-" + port + ".log"));
        worker.awaitReady(Duration.ofSeconds(120));
        workers.add(worker);
        starts++;
        return worker;
    }

    public List<WorkerProcess> workers() {
        return workers;
    }

    public int workerStarts() {
        return starts;
    }

    public void kill(WorkerProcess worker) throws InterruptedException {
        worker.kill();
        workers.remove(worker);
    }

    public KafkaProcess kafka() {
        return kafka;
    }

    public PostgresProcess postgres() {
        return postgres;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A number from the worker's database; -1 while it cannot be reached. */
    public long count(String sql) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, postgres.username(), "");
             Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException unreachable) {
            return -1;
        }
    }

    /** A text from the worker's database, null when there is none or it cannot be reached. */
    public String string(String sql) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, postgres.username(), "");
             Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException unreachable) {
            return null;
        }
    }

    /** Waits until every request is consumed, nothing waits for a customer and the outbox is empty. */
    public void awaitQuiet(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                long pending = count("select count(*) from outbox where seq > (select up_to_seq from outbox_published)");
                long waiting = count("select count(*) from waiting_request");
                if (lag(admin) == 0 && pending == 0 && waiting == 0) {
                    return;
                }
                Thread.sleep(2_000);
            }
        }
        throw new IllegalStateException("the worker did not settle within " + timeout);
    }

    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("provisioning-worker")
                .partitionsToOffsetAndMetadata().get();
        if (committed.isEmpty()) {
            return Long.MAX_VALUE;
        }
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (var entry : committed.entrySet()) {
            lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
        }
        return lag;
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
