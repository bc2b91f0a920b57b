package dev.wholesale.provisioning.bench.perf;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.postgresql.PGConnection;

/** What the hardware allows without the worker: reading the burst, and writing its rows with COPY. */
final class Baselines {

    record ConsumerBaseline(long records, long bytes, double seconds) {
        double recordsPerSecond() {
            return records / seconds;
        }
    }

    record JdbcBaseline(long customers, long users, double customerSeconds, double userSeconds) {
        double customersPerSecond() {
            return customers / customerSeconds;
        }

        double usersPerSecond() {
            return users / userSeconds;
        }
    }

    private Baselines() {
    }

    /** A plain consumer reading every record of the topics and doing nothing with it. */
    static ConsumerBaseline consume(String bootstrapServers, List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long records = 0;
            long bytes = 0;
            long start = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    bytes += record.serializedValueSize();
                }
            }
            return new ConsumerBaseline(records, bytes, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * The same customers, headquarters and users as rows in the worker's own tables (a fresh
     * database with the worker's schema), written with COPY: the fastest plain JDBC way.
     */
    static JdbcBaseline copy(String adminUrl, String user, Path migration, int customers, int users) throws Exception {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists baseline");
            statement.execute("create database baseline");
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + "baseline";
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            try (Statement statement = db.createStatement()) {
                statement.execute(Files.readString(migration));
            }
            UUID template = UUID.randomUUID();
            try (Statement statement = db.createStatement()) {
                statement.execute("insert into template values ('" + template + "', 'p', 't', 'DK', 'da', 'a@b.dk', 's',"
                        + " 'WEBEX', null, null, 'b', false, false, now(), now(), null)");
            }
            var copy = db.unwrap(PGConnection.class).getCopyAPI();
            List<UUID> customerIds = new ArrayList<>(customers);
            List<UUID> locationIds = new ArrayList<>(customers);
            StringBuilder customerRows = new StringBuilder();
            StringBuilder locationRows = new StringBuilder();
            for (int c = 0; c < customers; c++) {
                UUID id = UUID.randomUUID();
                UUID location = UUID.randomUUID();
                customerIds.add(id);
                locationIds.add(location);
                customerRows.append(id).append(",p,c").append(c).append(',').append(template).append(",Customer ").append(c)
                        .append(",admin@c").append(c).append(".test,da,webex_calling,,EU,").append(location).append(',')
                        .append(UUID.randomUUID()).append(",ACTIVE,now,now,\n");
                locationRows.append(location).append(',').append(id).append(",HQ,Havnegade ").append(c)
                        .append(",,Odense,,,DK,Europe/Copenhagen,da,,now\n");
            }
            long start = System.nanoTime();
            copy.copyIn("copy customer from stdin (format csv)", new StringReader(customerRows.toString()));
            copy.copyIn("copy location from stdin (format csv)", new StringReader(locationRows.toString()));
            double customerSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            int chunk = 50_000;
            for (int from = 0; from < users; from += chunk) {
                StringBuilder rows = new StringBuilder();
                for (int n = from; n < Math.min(users, from + chunk); n++) {
                    int c = n % customers;
                    rows.append(UUID.randomUUID()).append(',').append(customerIds.get(c)).append(',').append(locationIds.get(c))
                            .append(",u").append(n).append("@c").append(c).append(".test,User,No ").append(n).append(',')
                            .append(n % 2 == 0 ? "webex_calling" : "webex_meetings").append(",,")
                            .append(n % 2 == 0 ? Integer.toString(100_000 + n) : "").append(",false,now,now\n");
                }
                copy.copyIn("copy subscriber from stdin (format csv)", new StringReader(rows.toString()));
            }
            return new JdbcBaseline(customers, users, customerSeconds, (System.nanoTime() - start) / 1e9);
        }
    }
}
