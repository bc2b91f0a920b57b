package dev.wholesale.provisioning.bench.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.wholesale.provisioning.contracts.catalogue.Topics;
import dev.wholesale.provisioning.contracts.deadletter.DeadLetterHeaders;
import dev.wholesale.provisioning.contracts.envelope.CloudEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests and watches the results topic (read_committed, as billing reads it) and the
 * dead-letter topics, printing every record as it arrives.
 */
final class ResultWatcher implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> WATCHED = List.of(Topics.RESULTS, Topics.dltOf(Topics.TEMPLATE_REQUESTS),
            Topics.dltOf(Topics.CUSTOMER_REQUESTS), Topics.dltOf(Topics.USER_REQUESTS));

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Console console;
    private final Map<String, JsonNode> resultsByRequest = new ConcurrentHashMap<>();
    private final List<JsonNode> resultsInOrder = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread thread = new Thread(this::watch, "result-watcher");

    ResultWatcher(String bootstrapServers, Console console) {
        this.console = console;
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(producerConfig);
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "demo-watcher-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumer = new KafkaConsumer<>(consumerConfig);
        thread.setDaemon(true);
    }

    void start() {
        consumer.subscribe(WATCHED);
        thread.start();
    }

    void send(String topic, String key, byte[] event, String type, String requestId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, event);
        record.headers().add("content-type", CloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
        producer.flush();
        console.sent(type, requestId, topic);
    }

    JsonNode awaitResult(String requestId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!resultsByRequest.containsKey(requestId)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no result for " + requestId + " within " + timeout);
            }
            Thread.sleep(20);
        }
        return resultsByRequest.get(requestId);
    }

    /** Writes the first result event of each type as {@code <type>.json} into {@code directory}. */
    void writeResultsTo(java.nio.file.Path directory) {
        try {
            java.nio.file.Files.createDirectories(directory);
            Map<String, JsonNode> firstOfType = new java.util.TreeMap<>();
            resultsInOrder.forEach(event -> firstOfType.putIfAbsent(event.path("type").asString(), event));
            for (Map.Entry<String, JsonNode> entry : firstOfType.entrySet()) {
                java.nio.file.Files.writeString(directory.resolve(entry.getKey() + ".json"),
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entry.getValue()) + "\n");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().endsWith("-dlt")) {
                        console.received("dead letter on " + record.topic() + ": reason=" + header(record, DeadLetterHeaders.REASON)
                                + " (" + header(record, DeadLetterHeaders.DETAIL) + ")");
                        continue;
                    }
                    JsonNode event = JSON.readTree(record.value());
                    console.received(ResultSummary.of(event));
                    resultsByRequest.put(event.path("data").path("requestId").asString(), event);
                    resultsInOrder.add(event);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke us up
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(5000);
        consumer.close();
        producer.close();
    }
}
