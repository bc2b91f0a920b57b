package dev.wholesale.provisioning.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The worker as an ordering system and billing see it: requests go in through the request topics,
 * results come out of the results topic (read_committed), dead letters out of the DLTs.
 */
public final class RequestTopicsClient implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, byte[]> producer;
    private final List<ConsumerRecord<String, byte[]>> received = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;

    public RequestTopicsClient(String bootstrapServers, List<String> readTopics) {
        this(bootstrapServers, readTopics, new Properties());
    }

    /** {@code security}: client settings such as SASL, added to both the producer and the consumer. */
    public RequestTopicsClient(String bootstrapServers, List<String> readTopics, Properties security) {
        Properties producerConfig = new Properties();
        producerConfig.putAll(security);
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(producerConfig);
        Properties consumerConfig = new Properties();
        consumerConfig.putAll(security);
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumer = new KafkaConsumer<>(consumerConfig);
        consumer.subscribe(readTopics);
    }

    public static ObjectNode event(String type, String partner, String id, Object data) {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0").put("id", id).put("source", "urn:test:ordering")
                .put("type", type).put("partnerid", partner).put("datacontenttype", "application/json");
        event.set("data", JSON.valueToTree(data));
        return event;
    }

    public void send(String topic, String key, ObjectNode event) {
        send(topic, key, JSON.writeValueAsBytes(event), Map.of("content-type", "application/cloudevents+json"));
    }

    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
        producer.flush();
    }

    /** Polls until {@code condition} holds for what was received so far, or fails after {@code timeout}. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(Predicate<List<ConsumerRecord<String, byte[]>>> condition,
                                                              Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(received)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; received " + received.size() + " records: " + describe());
            }
            consumer.poll(Duration.ofMillis(100)).forEach(received::add);
        }
        return new ArrayList<>(received);
    }

    /** The result events answering a request id, in the order they were published. */
    public List<JsonNode> resultsFor(String requestId) {
        return results().stream().filter(result -> requestId.equals(result.path("data").path("requestId").asString()))
                .toList();
    }

    public List<JsonNode> results() {
        return received.stream().filter(record -> !record.topic().endsWith("-dlt"))
                .map(record -> JSON.readTree(record.value())).toList();
    }

    public JsonNode awaitResult(String requestId) {
        awaitRecords(records -> !resultsFor(requestId).isEmpty(), Duration.ofSeconds(30));
        return resultsFor(requestId).get(0);
    }

    /** Keeps polling for a while, so that a duplicate that would arrive has had its chance. */
    public void drain(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(received::add);
        }
    }

    public List<ConsumerRecord<String, byte[]>> received() {
        return new ArrayList<>(received);
    }

    /** The first records received, each cut short: enough to see what came, not a megabyte of log. */
    private String describe() {
        return received.stream().limit(50).map(r -> {
            String value = r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8);
            return r.topic() + ":" + (value.length() > 120 ? value.substring(0, 120) + "..." : value);
        }).toList().toString();
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
