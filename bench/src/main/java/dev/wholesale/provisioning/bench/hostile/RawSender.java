package dev.wholesale.provisioning.bench.hostile;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends records as a careless or hostile sender would: any key, any headers, any size, plain or
 * gzip-compressed (so that a record far over the broker's limit once expanded travels as a few
 * kilobytes). Its own limits are raised out of the way: what stops a record must be the broker or
 * the worker, not this client.
 */
final class RawSender implements AutoCloseable {

    private static final int LIMIT = 512 * 1024 * 1024;

    private final KafkaProducer<byte[], byte[]> plain;
    private final KafkaProducer<byte[], byte[]> gzip;

    RawSender(String bootstrapServers) {
        this.plain = producer(bootstrapServers, "none");
        this.gzip = producer(bootstrapServers, "gzip");
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers, String compression) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, LIMIT);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, (long) LIMIT + 64 * 1024 * 1024);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return new KafkaProducer<>(config);
    }

    /** Where the broker put a record, or why it refused it. */
    record Sent(RecordMetadata metadata, Exception refusal) {
        boolean taken() {
            return metadata != null;
        }
    }

    /** Sends and waits for the broker's answer. */
    Sent send(String topic, byte[] key, byte[] value, List<Header> headers, boolean compressed) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, key, value, headers);
        try {
            return new Sent((compressed ? gzip : plain).send(record).get(150, TimeUnit.SECONDS), null);
        } catch (ExecutionException e) {
            return new Sent(null, (Exception) e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            return new Sent(null, e);
        }
    }

    @Override
    public void close() {
        plain.close();
        gzip.close();
    }
}
