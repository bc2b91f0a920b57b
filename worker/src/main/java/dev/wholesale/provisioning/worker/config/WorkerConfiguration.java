package dev.wholesale.provisioning.worker.config;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wholesale.provisioning.contracts.validation.SchemaValidator;
import dev.wholesale.provisioning.worker.idempotency.RequestLog;
import dev.wholesale.provisioning.worker.intake.IntakeLimits;
import dev.wholesale.provisioning.worker.intake.RecordDecoder;
import dev.wholesale.provisioning.worker.intake.RequestListener;
import dev.wholesale.provisioning.worker.outbox.OutboxRelay;
import dev.wholesale.provisioning.worker.outbox.OutboxWriter;
import dev.wholesale.provisioning.worker.outbox.PendingRecords;
import dev.wholesale.provisioning.worker.outbox.RelayProperties;
import dev.wholesale.provisioning.worker.request.BatchApplier;
import dev.wholesale.provisioning.worker.request.BatchListener;
import dev.wholesale.provisioning.worker.request.Handlers;
import dev.wholesale.provisioning.worker.request.RequestHandler;
import dev.wholesale.provisioning.worker.request.RequestValidator;
import dev.wholesale.provisioning.worker.request.ResultEnvelopes;
import dev.wholesale.provisioning.worker.waiting.CustomerLocks;
import dev.wholesale.provisioning.worker.waiting.WaitingRoom;

import tools.jackson.databind.json.JsonMapper;

/** Assembles the request pipeline: intake, validation, the batch transaction and the relay. */
@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RecordDecoder recordDecoder(IntakeLimits limits) {
        return new RecordDecoder(limits);
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
    ResultEnvelopes resultEnvelopes(JsonMapper json, WorkerProperties properties) {
        return new ResultEnvelopes(json, properties);
    }

    @Bean
    BatchApplier batchApplier(Handlers handlers, RequestValidator validator, RequestLog requestLog, CustomerLocks locks,
                              WaitingRoom waitingRoom, OutboxWriter outbox, ResultEnvelopes envelopes,
                              WorkerProperties properties, Clock clock, BatchListener listener) {
        return new BatchApplier(handlers, validator, requestLog, locks, waitingRoom, outbox, envelopes, properties,
                clock, listener);
    }

    @Bean
    RequestListener requestListener(RecordDecoder decoder, RequestValidator validator, BatchApplier applier,
                                    BatchListener listener) {
        return new RequestListener(decoder, validator, applier, listener);
    }

    @Bean
    OutboxRelay outboxRelay(RelayProperties relay, PendingRecords pending, DataSource dataSource, KafkaProperties kafka,
                            WorkerProperties properties, Clock clock) {
        return new OutboxRelay(relay, pending, dataSource,
                () -> KafkaConfiguration.relayProducer(kafka, relay.transactionalId()),
                () -> KafkaConfiguration.watermarkConsumer(kafka),
                () -> properties.topics().published(), clock);
    }
}
