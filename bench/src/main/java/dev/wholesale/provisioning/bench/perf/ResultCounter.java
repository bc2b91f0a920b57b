package dev.wholesale.provisioning.bench.perf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.wholesale.provisioning.contracts.catalogue.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the results topic as billing would (read_committed) and counts: results, customers and
 * users provisioned, per second; and the latency from a request's send time to its result.
 */
final class ResultCounter implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final AtomicLong results = new AtomicLong();
    final AtomicLong customers = new AtomicLong();
    final AtomicLong users = new AtomicLong();
    /** second since start → {results, users} */
    final Map<Long, long[]> perSecond = new ConcurrentSkipListMap<>();
    /**
     * second since start at which the request was sent → {results, of them slower than
     * {@link #SLOW_MILLIS}, the slowest in ms}: whether the slow results are spread over the phase
     * (a queue) or bunched (a stall: a pause, a rebalance, a checkpoint).
     */
    final Map<Long, long[]> latencyBySecondSent = new ConcurrentSkipListMap<>();
    static final long SLOW_MILLIS = 250;
    private final Map<String, Long> sentAt;
    private final List<Long> latencies = new ArrayList<>();
    /** The latencies of users requests' results alone: each is a hundred times the work of a create. */
    private final List<Long> usersLatencies = new ArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread = new Thread(this::run, "result-counter");
    private volatile long start = System.currentTimeMillis();
    private volatile long lastResultAt;

    ResultCounter(String bootstrapServers, Map<String, Long> sentAt) {
        this.sentAt = sentAt;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(Topics.RESULTS));
        thread.setDaemon(true);
    }

    /** Joins the group and waits until it has its partitions, so no result is missed. */
    void start() {
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        start = System.currentTimeMillis();
        thread.start();
    }

    void restartClock() {
        start = System.currentTimeMillis();
        perSecond.clear();
        latencyBySecondSent.clear();
        synchronized (latencies) {
            latencies.clear();
            usersLatencies.clear();
        }
    }

    long lastResultAt() {
        return lastResultAt;
    }

    List<Long> latencies() {
        synchronized (latencies) {
            return new ArrayList<>(latencies);
        }
    }

    List<Long> usersLatencies() {
        synchronized (latencies) {
            return new ArrayList<>(usersLatencies);
        }
    }

    private void run() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    count(record);
                }
            }
        } catch (WakeupException stopping) {
            // closed
        }
    }

    private void count(ConsumerRecord<String, byte[]> record) {
        JsonNode event = JSON.readTree(record.value());
        String type = event.path("type").asString();
        long usersNow = 0;
        if (type.equals("provisioning.customer.provisioned.v1")) {
            customers.incrementAndGet();
            usersNow = 1; // the administrator
        } else if (type.equals("provisioning.users.provisioned.v1")) {
            for (JsonNode count : event.path("data").path("countsPerPackage")) {
                usersNow += count.asLong();
            }
        }
        users.addAndGet(usersNow);
        results.incrementAndGet();
        long second = (record.timestamp() - start) / 1000;
        long[] bin = perSecond.computeIfAbsent(Math.max(0, second), s -> new long[2]);
        synchronized (bin) {
            bin[0]++;
            bin[1] += usersNow;
        }
        Long sent = sentAt.get(event.path("data").path("requestId").asString());
        if (sent != null) {
            long latency = record.timestamp() - sent;
            synchronized (latencies) {
                latencies.add(latency);
                if (type.startsWith("provisioning.users.")) {
                    usersLatencies.add(latency);
                }
                long[] sentBin = latencyBySecondSent.computeIfAbsent(Math.max(0, (sent - start) / 1000), s -> new long[3]);
                sentBin[0]++;
                sentBin[1] += latency > SLOW_MILLIS ? 1 : 0;
                sentBin[2] = Math.max(sentBin[2], latency);
            }
        }
        lastResultAt = System.currentTimeMillis();
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(5000);
        consumer.close();
    }

    static Map<String, Long> newSentAtMap() {
        return new ConcurrentHashMap<>();
    }
}
