package dev.wholesale.provisioning.worker.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.wholesale.provisioning.worker.RequestTopicsClient;

/**
 * Sends records exactly as given: keys and header values as raw bytes (so a key may hold a NUL or
 * bytes that are not UTF-8), a null value (a tombstone), an explicit partition, and values larger
 * than a default producer accepts. One producer sends uncompressed, one gzip-compressed: a broker
 * keeps its default {@code message.max.bytes} (1 MiB + 12) for the compressed batch, so only a
 * compressed record (or one on a topic whose {@code max.message.bytes} was raised) can carry a
 * value over 1 MiB.
 */
final class RawRecords implements AutoCloseable {

    /** A header as sent; {@code value} may be null. */
    record Header(String key, byte[] value) {
        static Header of(String key, String value) {
            return new Header(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static final int MAX_REQUEST_SIZE = 8 * 1024 * 1024;

    private final String bootstrapServers;
    private final KafkaProducer<byte[], byte[]> plain;
    private final KafkaProducer<byte[], byte[]> gzip;

    RawRecords(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.plain = producer(bootstrapServers, "none");
        this.gzip = producer(bootstrapServers, "gzip");
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers, String compression) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_SIZE);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(config);
    }

    Future<RecordMetadata> send(String topic, Integer partition, byte[] key, byte[] value, List<Header> headers,
                                boolean compressed) {
        List<org.apache.kafka.common.header.Header> kafkaHeaders = new ArrayList<>();
        headers.forEach(header -> kafkaHeaders.add(new RecordHeader(header.key(), header.value())));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, key, value, kafkaHeaders);
        return (compressed ? gzip : plain).send(record);
    }

    RecordMetadata sendNow(String topic, Integer partition, byte[] key, byte[] value, List<Header> headers) {
        try {
            Future<RecordMetadata> sent = send(topic, partition, key, value, headers, false);
            plain.flush();
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not produce to " + topic, e.getCause());
        }
    }

    void flush() {
        plain.flush();
        gzip.flush();
    }

    /** Raises a topic's {@code max.message.bytes}, as an operator would for large records. */
    void allowLargeMessages(String topic, int maxMessageBytes) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", Integer.toString(maxMessageBytes)), AlterConfigOp.OpType.SET))))
                    .all().get();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                String value = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                        .get("max.message.bytes").value();
                if (Integer.toString(maxMessageBytes).equals(value)) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("max.message.bytes of " + topic + " did not change");
        }
    }

    @Override
    public void close() {
        plain.close();
        gzip.close();
    }

    /**
     * Polls the shared client until {@code condition} holds, nothing new has arrived for {@code quiet}
     * (the worker has done all it is going to do), or {@code timeout} is up. Never prints the records.
     */
    static boolean awaitQuietly(RequestTopicsClient client,
                                Predicate<List<ConsumerRecord<String, byte[]>>> condition, Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, byte[]>> received = client.received();
            if (condition.test(received)) {
                return true;
            }
            if (received.size() != seen) {
                seen = received.size();
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > quiet.toNanos()) {
                return false;
            }
            client.drain(Duration.ofMillis(200));
        }
        return condition.test(client.received());
    }

    static String header(ConsumerRecord<?, ?> record, String key) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
