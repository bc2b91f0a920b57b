package dev.wholesale.provisioning.worker.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.wholesale.provisioning.contracts.catalogue.Topics;
import dev.wholesale.provisioning.contracts.intake.IntakeLimits;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Kafka wiring: the topics the worker declares, the request consumer, and the clients of the
 * outbox relay. Connection, security (SASL/SSL) and client tuning come from {@code spring.kafka.*}.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    static final String DEFAULT_GROUP_ID = "provisioning-worker";

    /**
     * The topics the worker declares, with the settings of infra/topics.md (only for topics it
     * creates; existing topics keep theirs). Request topics are stored uncompressed: the broker then
     * decompresses what a producer compressed and checks {@code max.message.bytes} on the result, so
     * a record compressed under the limit that expands to hundreds of megabytes (a compression bomb)
     * is refused to its sender instead of reaching the worker's heap.
     */
    @Bean
    KafkaAdmin.NewTopics provisioningTopics(WorkerProperties properties, IntakeLimits limits) {
        WorkerProperties.TopicSettings topics = properties.topics();
        List<NewTopic> declared = new ArrayList<>();
        // Retention: requests for the idempotency window, dead letters and results for a month (an
        // operator re-sends, billing re-reads).
        long requestRetention = properties.retention().toMillis();
        for (String request : topics.requests()) {
            declared.add(topic(request, topics.partitions(), topics.replicationFactor(), requestRetention)
                    .config(TopicConfig.COMPRESSION_TYPE_CONFIG, "uncompressed")
                    .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(limits.maxRecordBytes()))
                    .build());
            declared.add(topic(Topics.dltOf(request), topics.partitions(), topics.replicationFactor(), MONTH_MILLIS)
                    .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(deadLetterBytes(limits)))
                    .build());
        }
        declared.add(topic(topics.results(), topics.resultPartitions(), topics.replicationFactor(), MONTH_MILLIS).build());
        return new KafkaAdmin.NewTopics(declared.toArray(NewTopic[]::new));
    }

    private static final long MONTH_MILLIS = 30L * 24 * 60 * 60 * 1000;

    /** A dead letter is a record within the intake limits plus the worker's few headers: room for those. */
    static int deadLetterBytes(IntakeLimits limits) {
        return limits.maxRecordBytes() + 4096;
    }

    private static TopicBuilder topic(String name, int partitions, Short replicationFactor, long retentionMillis) {
        TopicBuilder builder = TopicBuilder.name(name).partitions(partitions)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMillis))
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, "delete");
        if (replicationFactor != null) {
            builder.replicas(replicationFactor);
        }
        return builder;
    }

    /**
     * Batches of raw bytes: the worker parses values itself, so no record can fail in a
     * deserializer, keys included: a key is read as text only once it is known to be of a sane
     * size. read_committed, because ordering systems may publish transactionally. A fetch is bounded
     * in bytes, so that a batch (one transaction, held in memory) is too: a request partition
     * returns at least one whole record of the largest size the topic takes, and a poll little more
     * than a few of them.
     * A failing batch is retried with backoff for as long as it takes (a database or broker
     * outage), never skipped and never dead-lettered: unreadable records are handled inside the
     * batch and cannot make it fail.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> requestContainerFactory(KafkaProperties kafka,
                                                                                  ListenerProperties settings,
                                                                                  IntakeLimits limits,
                                                                                  MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, DEFAULT_GROUP_ID);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, limits.maxRecordBytes());
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Math.toIntExact(settings.maxFetchSize().toBytes()));
        // A frozen instance's partitions move to the others after this long (Kafka's default is 45 s).
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30_000);

        ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        DefaultKafkaConsumerFactory<byte[], byte[]> consumers = new DefaultKafkaConsumerFactory<>(config);
        // Client metrics, consumer lag among them, for the Prometheus endpoint.
        consumers.addListener(new MicrometerConsumerListener<>(meters));
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(settings.concurrency());
        if (settings.offsetCommitInterval().isZero()) {
            factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        } else {
            factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.TIME);
            factory.getContainerProperties().setAckTime(settings.offsetCommitInterval().toMillis());
        }
        factory.getContainerProperties().setObservationEnabled(false);
        ExponentialBackOff backOff = new ExponentialBackOff(settings.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(settings.retryMaxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

    /**
     * The relay's producer: idempotent and transactional, so a new relay fences a stale one. Its
     * {@code max.request.size} takes a whole dead letter of a record within the intake limits.
     */
    static Map<String, Object> relayProducerConfig(KafkaProperties kafka, String transactionalId, IntakeLimits limits) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, deadLetterBytes(limits));
        return config;
    }

    /** For reading back what the relay has published: committed data only, no group, no commits. */
    static Map<String, Object> watermarkConsumerConfig(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    static KafkaProducer<String, byte[]> relayProducer(KafkaProperties kafka, String transactionalId, IntakeLimits limits) {
        return new KafkaProducer<>(relayProducerConfig(kafka, transactionalId, limits));
    }

    /** The relay producer's {@code max.request.size} as it will be configured. */
    static int relayMaxRequestSize(KafkaProperties kafka, IntakeLimits limits) {
        Object configured = relayProducerConfig(kafka, "size-probe", limits).get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        return Integer.parseInt(String.valueOf(configured));
    }

    static KafkaConsumer<byte[], byte[]> watermarkConsumer(KafkaProperties kafka) {
        return new KafkaConsumer<>(watermarkConsumerConfig(kafka));
    }
}
