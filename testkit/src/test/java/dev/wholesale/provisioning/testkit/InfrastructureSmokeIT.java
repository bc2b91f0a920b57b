package dev.wholesale.provisioning.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One record through the real broker, one row through the real PostgreSQL, whichever variant was chosen. */
class InfrastructureSmokeIT {

    private static Infrastructure infra;

    @BeforeAll
    static void startInfrastructure() {
        infra = Infrastructure.shared();
    }

    @Test
    void sharedIsOneInstancePerJvm() {
        assertThat(Infrastructure.shared()).isSameAs(infra);
        assertThat(infra.variant()).isNotNull();
        assertThat(infra.kafkaBootstrapServers()).isNotBlank();
        assertThat(infra.summary()).startsWith("[testkit] Kafka: ");
    }

    @Test
    void recordGoesThroughTheBroker() throws Exception {
        String topic = infra.uniqueName("smoke");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, "customer-42", "{\"hello\":\"kafka\"}");
            record.headers().add("correlation-id", "c-1".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, infra.uniqueName("smoke-group"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = poll(consumer, 1);

            assertThat(received).hasSize(1);
            ConsumerRecord<String, String> record = received.get(0);
            assertThat(record.key()).isEqualTo("customer-42");
            assertThat(record.value()).isEqualTo("{\"hello\":\"kafka\"}");
            Header header = record.headers().lastHeader("correlation-id");
            assertThat(header).isNotNull();
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo("c-1");
        }
    }

    @Test
    void topicsAreNotCreatedOnTheFly() throws Exception {
        // auto.create.topics.enable=false as in production (true for the embedded and container variants;
        // an external cluster is what it is, so only check what the servers we start promise).
        if (infra.choice().kafka() == Variant.EXTERNAL) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
            String missing = infra.uniqueName("never-created");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000), new StringSerializer(), new StringSerializer())) {
                try {
                    producer.send(new ProducerRecord<>(missing, "k", "v")).get(10, TimeUnit.SECONDS);
                } catch (Exception expected) {
                    // metadata for a missing topic times out
                }
            }
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(missing);
        }
    }

    @Test
    void rowGoesThroughPostgres() throws SQLException {
        DataSourceSpec db = infra.postgres().createDatabase("InfrastructureSmokeIT");

        assertThat(db.databaseName()).startsWith("infrastructuresmokeit_");
        try (Connection connection = Databases.connect(db); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customer (id bigint PRIMARY KEY, name text NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer VALUES (?, ?)")) {
                insert.setLong(1, 42);
                insert.setString(2, "Wholesale Ltd");
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (ResultSet rs = statement.executeQuery("SELECT id, name, current_database() FROM customer")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(42);
                assertThat(rs.getString(2)).isEqualTo("Wholesale Ltd");
                assertThat(rs.getString(3)).isEqualTo(db.databaseName());
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void eachCreatedDatabaseStartsEmpty() throws SQLException {
        DataSourceSpec first = infra.postgres().createDatabase("isolation");
        DataSourceSpec second = infra.postgres().createDatabase("isolation");

        assertThat(first.databaseName()).isNotEqualTo(second.databaseName());
        try (Connection connection = Databases.connect(first); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE only_in_first (id int)");
        }
        try (Connection connection = Databases.connect(second); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    static <K, V> List<ConsumerRecord<K, V>> poll(KafkaConsumer<K, V> consumer, int expected) {
        List<ConsumerRecord<K, V>> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (received.size() < expected && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
        return received;
    }
}
