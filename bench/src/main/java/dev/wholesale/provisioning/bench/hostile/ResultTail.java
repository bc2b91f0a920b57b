package dev.wholesale.provisioning.bench.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the results topic and the dead-letter topics as they are written (committed records only,
 * as billing reads them), in a thread of its own, and remembers when each request's result arrived.
 */
final class ResultTail implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A result as it arrived. */
    record Arrival(long nanoTime, String key, JsonNode event) {
    }

    private final Map<String, Arrival> firstResultByRequest = new ConcurrentHashMap<>();
    private final List<ConsumerRecord<byte[], byte[]>> deadLetters = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ResultTail(String bootstrapServers, String resultTopic, List<String> deadLetterTopics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        thread = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : concat(resultTopic, deadLetterTopics)) {
                    consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        take(record, resultTopic);
                    }
                }
            }
        }, "result-tail");
        thread.setDaemon(true);
        thread.start();
    }

    private void take(ConsumerRecord<byte[], byte[]> record, String resultTopic) {
        if (!record.topic().equals(resultTopic)) {
            deadLetters.add(record);
            return;
        }
        JsonNode event = JSON.readTree(record.value());
        String requestId = event.path("partnerid").asString() + "/" + event.path("data").path("requestId").asString();
        firstResultByRequest.putIfAbsent(requestId, new Arrival(System.nanoTime(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), event));
    }

    /** The result of this request of this partner, waiting for it up to {@code timeout}; null if none came. */
    Arrival await(String partnerId, String requestId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Arrival arrival = firstResultByRequest.get(partnerId + "/" + requestId);
            if (arrival != null || System.nanoTime() >= deadline) {
                return arrival;
            }
            sleep(20);
        }
    }

    /** The dead letter of the record at this offset of this topic, waiting for it up to {@code timeout}. */
    ConsumerRecord<byte[], byte[]> awaitDeadLetter(String originalTopic, long originalOffset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> deadLetter : deadLetters) {
                if (originalTopic.equals(header(deadLetter, "dlt-original-topic"))
                        && Long.toString(originalOffset).equals(header(deadLetter, "dlt-original-offset"))) {
                    return deadLetter;
                }
            }
            sleep(20);
        }
        return null;
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
