package dev.wholesale.provisioning.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.wholesale.provisioning.contracts.envelope.CloudEvents;

/**
 * Sends a plan at a steady rate in a thread of its own, riding out broker restarts (idempotent
 * producer, long delivery timeout) so that what the plan says was sent is what the topics hold.
 */
public final class LoadSender implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private Thread thread;

    public LoadSender(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(config);
    }

    public void send(LoadPlan.PlannedRecord record) {
        ProducerRecord<String, byte[]> producerRecord = new ProducerRecord<>(record.topic(), record.key(), record.value());
        producerRecord.headers().add("content-type", CloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(producerRecord, (metadata, error) -> (error == null ? sent : failed).incrementAndGet());
    }

    /** Starts sending the plan at about {@code perSecond} records a second. */
    public void startSending(List<LoadPlan.PlannedRecord> plan, int perSecond) {
        thread = new Thread(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < plan.size() && !Thread.currentThread().isInterrupted(); i++) {
                long due = start + (long) i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                send(plan.get(i));
            }
            producer.flush();
        }, "load-sender");
        thread.start();
    }

    public void awaitSent() throws InterruptedException {
        thread.join();
        producer.flush();
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
        producer.close();
    }
}
