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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Kafka wiring: the topics the worker declares, the request consumer, and the clients of the
 * outbox relay. Connection, security (SASL/SSL) and client tuning come from {@code spring.kafka.*}.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    static final String DEFAULT_GROUP_ID = "provisioning-worker";

    @Bean
    KafkaAdmin.NewTopics provisioningTopics(WorkerProperties properties) {
        WorkerProperties.TopicSettings topics = properties.topics();
        List<NewTopic> declared = new ArrayList<>();
        // Retention as infra/topics.md: requests for the idempotency window, dead letters and results
        // for a month (an operator re-sends, billing re-reads). Only for topics the worker creates.
        long requestRetention = properties.retention().toMillis();
        for (String request : topics.requests()) {
            declared.add(topic(request, topics.partitions(), topics.replicationFactor(), requestRetention));
            declared.add(topic(Topics.dltOf(request), topics.partitions(), topics.replicationFactor(), MONTH_MILLIS));
        }
        declared.add(topic(topics.results(), topics.resultPartitions(), topics.replicationFactor(), MONTH_MILLIS));
        return new KafkaAdmin.NewTopics(declared.toArray(NewTopic[]::new));
    }

    private static final long MONTH_MILLIS = 30L * 24 * 60 * 60 * 1000;

    private static NewTopic topic(String name, int partitions, Short replicationFactor, long retentionMillis) {
        TopicBuilder builder = TopicBuilder.name(name).partitions(partitions)
                .config("retention.ms", Long.toString(retentionMillis))
                .config("cleanup.policy", "delete");
        if (replicationFactor != null) {
            builder.replicas(replicationFactor);
        }
        return builder.build();
    }

    /**
     * Batches of raw bytes: the worker parses values itself, so no record can fail in a
     * deserializer. read_committed, because ordering systems may publish transactionally.
     * A failing batch is retried with backoff for as long as it takes (a database or broker
     * outage), never skipped and never dead-lettered: unreadable records are handled inside the
     * batch and cannot make it fail.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> requestContainerFactory(KafkaProperties kafka,
                                                                                  ListenerProperties settings,
                                                                                  MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, DEFAULT_GROUP_ID);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());

        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(config);
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

    /** The relay's producer: idempotent and transactional, so a new relay fences a stale one. */
    static Map<String, Object> relayProducerConfig(KafkaProperties kafka, String transactionalId) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
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

    static KafkaProducer<String, byte[]> relayProducer(KafkaProperties kafka, String transactionalId) {
        return new KafkaProducer<>(relayProducerConfig(kafka, transactionalId));
    }

    static KafkaConsumer<byte[], byte[]> watermarkConsumer(KafkaProperties kafka) {
        return new KafkaConsumer<>(watermarkConsumerConfig(kafka));
    }
}
