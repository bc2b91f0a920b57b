package dev.wholesale.provisioning.worker.config;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wholesale.provisioning.contracts.validation.SchemaValidator;
import dev.wholesale.provisioning.worker.idempotency.RequestLog;
import dev.wholesale.provisioning.contracts.intake.IntakeLimits;
import dev.wholesale.provisioning.contracts.intake.RecordDecoder;
import dev.wholesale.provisioning.worker.intake.DeadLetters;
import dev.wholesale.provisioning.worker.intake.IntakeProperties;
import dev.wholesale.provisioning.worker.intake.RequestListener;
import dev.wholesale.provisioning.worker.outbox.OutboxRelay;
import dev.wholesale.provisioning.worker.outbox.OutboxWriter;
import dev.wholesale.provisioning.worker.outbox.PendingRecords;
import dev.wholesale.provisioning.worker.outbox.PublishableSize;
import dev.wholesale.provisioning.worker.outbox.SmallerForm;
import dev.wholesale.provisioning.worker.outbox.RelayProperties;
import dev.wholesale.provisioning.worker.request.BatchApplier;
import dev.wholesale.provisioning.worker.request.BatchListener;
import dev.wholesale.provisioning.worker.request.Handlers;
import dev.wholesale.provisioning.worker.request.RequestHandler;
import dev.wholesale.provisioning.worker.request.RequestValidator;
import dev.wholesale.provisioning.worker.request.ResultEnvelopes;
import dev.wholesale.provisioning.worker.waiting.CustomerLocks;
import dev.wholesale.provisioning.worker.waiting.WaitExpiry;
import dev.wholesale.provisioning.worker.waiting.WaitingLimits;
import dev.wholesale.provisioning.worker.waiting.WaitingRoom;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Assembles the request pipeline: intake, validation, the batch transaction and the relay. */
@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

    /**
     * Wait expiry runs on a thread of its own; everything else scheduled (retention, statistics,
     * topic settings) on this one, which @Scheduled takes by its name. Declared here because a
     * scheduler bean of our own makes Spring Boot leave out its default one.
     */
    @Bean("taskScheduler")
    ThreadPoolTaskScheduler taskScheduler() {
        return scheduler("housekeeping-");
    }

    @Bean(WaitExpiry.WAIT_EXPIRY_SCHEDULER)
    ThreadPoolTaskScheduler waitExpiryScheduler() {
        return scheduler("wait-expiry-");
    }

    private static ThreadPoolTaskScheduler scheduler(String threadNamePrefix) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix(threadNamePrefix);
        return scheduler;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IntakeLimits intakeLimits(IntakeProperties properties) {
        return properties.limits();
    }

    @Bean
    RecordDecoder recordDecoder(IntakeLimits limits) {
        return new RecordDecoder(limits);
    }

    /** Sized for the relay producer; the topics' limits are read once they exist ({@link TopicSettingsCheck}). */
    @Bean
    PublishableSize publishableSize(KafkaProperties kafka, IntakeLimits limits) {
        return new PublishableSize(KafkaConfiguration.relayMaxRequestSize(kafka, limits));
    }

    @Bean
    TopicSettingsCheck topicSettingsCheck(KafkaAdmin admin, PublishableSize publishableSize, WorkerProperties properties,
                                          IntakeLimits limits) {
        return new TopicSettingsCheck(admin, publishableSize, properties, limits);
    }

    @Bean
    DeadLetters deadLetters(IntakeLimits limits, PublishableSize publishableSize) {
        return new DeadLetters(limits, publishableSize);
    }

    /** What a record Kafka refuses for good is replaced by: results and dead letters each know their own. */
    @Bean
    SmallerForm smallerForm(ResultEnvelopes envelopes, DeadLetters deadLetters) {
        return refused -> refused.deadLetterSource() != null || refused.eventId() == null
                ? deadLetters.smallerForm(refused) : envelopes.smallestForm(refused);
    }

    @Bean
    RequestValidator requestValidator() {
        return new RequestValidator(SchemaValidator.forRequests());
    }

    @Bean
    Handlers handlers(List<RequestHandler> handlers) {
        return new Handlers(handlers);
    }

    @Bean
    ResultEnvelopes resultEnvelopes(JsonMapper json, WorkerProperties properties, PublishableSize publishableSize) {
        return new ResultEnvelopes(json, properties, publishableSize);
    }

    @Bean
    BatchApplier batchApplier(Handlers handlers, RequestValidator validator, RequestLog requestLog, CustomerLocks locks,
                              WaitingRoom waitingRoom, OutboxWriter outbox, ResultEnvelopes envelopes,
                              DeadLetters deadLetters, WorkerProperties properties, WaitingLimits waitingLimits,
                              Clock clock, BatchListener listener) {
        return new BatchApplier(handlers, validator, requestLog, locks, waitingRoom, outbox, envelopes, deadLetters,
                properties, waitingLimits, clock, listener);
    }

    @Bean
    RequestListener requestListener(RecordDecoder decoder, RequestValidator validator, BatchApplier applier,
                                    BatchListener listener) {
        return new RequestListener(decoder, validator, applier, listener);
    }

    @Bean
    OutboxRelay outboxRelay(RelayProperties relay, PendingRecords pending, JdbcTemplate jdbc, SmallerForm smallerForm,
                            KafkaProperties kafka, IntakeLimits limits, WorkerProperties properties, MeterRegistry meters,
                            Clock clock) {
        return new OutboxRelay(relay, pending, jdbc, smallerForm,
                () -> KafkaConfiguration.relayProducer(kafka, relay.transactionalId(), limits),
                () -> KafkaConfiguration.watermarkConsumer(kafka),
                () -> properties.topics().published(), meters, clock);
    }
}
