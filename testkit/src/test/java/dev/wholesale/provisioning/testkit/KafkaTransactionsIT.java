package dev.wholesale.provisioning.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker commits its output and its consumed offsets in one Kafka transaction; this proves the
 * chosen broker supports that on its own (one node: transaction log and offsets topic with one replica).
 */
class KafkaTransactionsIT {

    private static Infrastructure infra;

    @BeforeAll
    static void startInfrastructure() {
        infra = Infrastructure.shared();
    }

    @Test
    void readCommittedSeesCommittedAndNotAbortedRecords() throws Exception {
        String topic = createTopic("tx");

        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k1", "committed-1"));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k2", "aborted")).get(30, TimeUnit.SECONDS); // really in the log
            producer.abortTransaction();

            // A later commit moves the last stable offset past the aborted batch, so "not seen" is meaningful.
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k3", "committed-2"));
            producer.commitTransaction();
        }

        try (KafkaConsumer<String, String> committed = consumer("read_committed")) {
            committed.subscribe(List.of(topic));
            assertThat(values(InfrastructureSmokeIT.poll(committed, 2))).containsExactly("committed-1", "committed-2");
        }
        try (KafkaConsumer<String, String> uncommitted = consumer("read_uncommitted")) {
            uncommitted.subscribe(List.of(topic));
            assertThat(values(InfrastructureSmokeIT.poll(uncommitted, 3)))
                    .containsExactly("committed-1", "aborted", "committed-2");
        }
    }

    @Test
    void consumedOffsetsCommitWithTheTransaction() throws Exception {
        String input = createTopic("tx-in");
        String output = createTopic("tx-out");
        String group = infra.uniqueName("tx-group");
        try (KafkaProducer<String, String> producer = plainProducer()) {
            producer.send(new ProducerRecord<>(input, "k", "request")).get(30, TimeUnit.SECONDS);
        }

        try (KafkaConsumer<String, String> consumer = consumer("read_committed", group);
             KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            consumer.subscribe(List.of(input));
            ConsumerRecord<String, String> request = InfrastructureSmokeIT.poll(consumer, 1).get(0);

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(output, request.key(), "result-for-" + request.value()));
            TopicPartition partition = new TopicPartition(request.topic(), request.partition());
            producer.sendOffsetsToTransaction(Map.of(partition, new OffsetAndMetadata(request.offset() + 1)),
                    consumer.groupMetadata());
            producer.commitTransaction();
        }

        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            assertThat(offsets).containsEntry(new TopicPartition(input, 0), new OffsetAndMetadata(1));
        }
        try (KafkaConsumer<String, String> results = consumer("read_committed")) {
            results.subscribe(List.of(output));
            assertThat(values(InfrastructureSmokeIT.poll(results, 1))).containsExactly("result-for-request");
        }
    }

    private static String createTopic(String prefix) throws Exception {
        String topic = infra.uniqueName(prefix);
        try (Admin admin = admin()) {
            // One partition keeps the order of the assertions deterministic.
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()));
    }

    private static KafkaProducer<String, String> plainProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaProducer<String, String> transactionalProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, infra.uniqueName("tx-producer"));
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String isolationLevel) {
        return consumer(isolationLevel, infra.uniqueName("tx-reader"));
    }

    private static KafkaConsumer<String, String> consumer(String isolationLevel, String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel), new StringDeserializer(), new StringDeserializer());
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
