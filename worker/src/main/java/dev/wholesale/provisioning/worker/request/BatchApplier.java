package dev.wholesale.provisioning.worker.request;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.transaction.annotation.Transactional;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;
import dev.wholesale.provisioning.contracts.catalogue.RequestType;
import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.worker.config.WorkerProperties;
import dev.wholesale.provisioning.worker.idempotency.IdempotencyLedger;
import dev.wholesale.provisioning.worker.idempotency.RequestKey;
import dev.wholesale.provisioning.worker.idempotency.RequestLog;
import dev.wholesale.provisioning.worker.intake.DeadLetters;
import dev.wholesale.provisioning.worker.observability.PersonalDataMask;
import dev.wholesale.provisioning.contracts.intake.RequestIdentity;
import dev.wholesale.provisioning.worker.outbox.OutboxRecord;
import dev.wholesale.provisioning.worker.outbox.OutboxWriter;
import dev.wholesale.provisioning.worker.support.LogContext;
import dev.wholesale.provisioning.worker.waiting.CustomerLocks;
import dev.wholesale.provisioning.worker.waiting.WaitingLimits;
import dev.wholesale.provisioning.worker.waiting.WaitingRoom;

/**
 * Applies one polled batch of requests in one database transaction: idempotency decisions, the
 * changes, parked requests released by a new customer, dead letters, and every result in the
 * outbox. Either all of it commits or none of it does, and the batch is then redelivered.
 */
public class BatchApplier {

    private final Handlers handlers;
    private final RequestValidator validator;
    private final RequestLog requestLog;
    private final CustomerLocks locks;
    private final WaitingRoom waitingRoom;
    private final OutboxWriter outbox;
    private final ResultEnvelopes envelopes;
    private final DeadLetters deadLetters;
    private final WorkerProperties properties;
    private final WaitingLimits waitingLimits;
    private final Clock clock;
    private final BatchListener listener;

    public BatchApplier(Handlers handlers, RequestValidator validator, RequestLog requestLog, CustomerLocks locks,
                        WaitingRoom waitingRoom, OutboxWriter outbox, ResultEnvelopes envelopes, DeadLetters deadLetters,
                        WorkerProperties properties, WaitingLimits waitingLimits, Clock clock, BatchListener listener) {
        this.handlers = handlers;
        this.validator = validator;
        this.requestLog = requestLog;
        this.locks = locks;
        this.waitingRoom = waitingRoom;
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.waitingLimits = waitingLimits;
        this.clock = clock;
        this.listener = listener;
    }

    @Transactional
    public void apply(List<Intake> batch) {
        Instant now = clock.instant();
        Set<CustomerLocks.CustomerKey> customers = customersOf(batch);
        locks.lock(customers);
        IdempotencyLedger ledger = new IdempotencyLedger(requestLog.lookup(keysOf(batch)));
        Run run = new Run(ledger, now, customers);
        for (Intake intake : batch) {
            try (LogContext context = LogContext.of(intake.identity(), traceparentOf(intake))) {
                run.apply(intake);
            }
        }
        run.createPendingCustomers();
        requestLog.insert(ledger.additions());
        outbox.write(run.records, now);
    }

    /**
     * Sets aside a record that cannot be applied: it goes to the dead-letter topic with reason
     * PROCESSING_FAILED, in a transaction of its own, and nothing else about it is recorded, so that
     * the sender can re-send it once the cause is fixed.
     */
    @Transactional
    public void quarantine(Intake intake, RuntimeException failure) {
        String detail = failure.getClass().getSimpleName() + ": "
                + PersonalDataMask.mask(String.valueOf(failure.getMessage()));
        outbox.write(List.of(deadLetters.of(intake.origin(), DeadLetterReason.PROCESSING_FAILED,
                detail.length() > 500 ? detail.substring(0, 500) : detail)), clock.instant());
        listener.quarantined(intake.origin(), failure);
    }

    private static String traceparentOf(Intake intake) {
        if (intake instanceof Intake.Checked checked && checked.validation() instanceof Validation.Valid valid) {
            return Traceparent.of(valid.request().event());
        }
        return null;
    }

    private static Set<CustomerLocks.CustomerKey> customersOf(List<Intake> batch) {
        Set<CustomerLocks.CustomerKey> customers = new LinkedHashSet<>();
        for (Intake intake : batch) {
            if (intake instanceof Intake.Checked checked && checked.validation() instanceof Validation.Valid valid) {
                String customer = valid.request().customerExternalId();
                if (customer != null) {
                    customers.add(new CustomerLocks.CustomerKey(valid.request().partnerId(), customer));
                }
            }
        }
        return customers;
    }

    private static Set<RequestKey> keysOf(List<Intake> batch) {
        Set<RequestKey> keys = new LinkedHashSet<>();
        for (Intake intake : batch) {
            RequestIdentity identity = intake.identity();
            if (identity != null) {
                keys.add(new RequestKey(identity.partnerId(), identity.requestId()));
            }
        }
        return keys;
    }

    /** The state of one batch while it is applied. */
    private final class Run {
        private final IdempotencyLedger ledger;
        private final Instant now;
        private final List<OutboxRecord> records = new ArrayList<>();
        /**
         * New customer.create requests that came one after the other and are not yet applied: they
         * are applied as a set (see {@code CreatingCustomers}) as soon as anything else comes, so
         * every request still sees what the requests before it did, and results keep their order.
         */
        private final List<ProvisioningRequest> pendingCreates = new ArrayList<>();
        private final Set<CustomerLocks.CustomerKey> customers;
        /**
         * The batch's customers that requests wait for, including those parked by this batch; read
         * when a create or a park first needs it, as most batches have neither. Exact whenever it is
         * read, as the batch holds its customers' locks: no one else can park a request for them.
         */
        private Set<CustomerLocks.CustomerKey> waitedFor;

        Run(IdempotencyLedger ledger, Instant now, Set<CustomerLocks.CustomerKey> customers) {
            this.ledger = ledger;
            this.now = now;
            this.customers = customers;
        }

        private Set<CustomerLocks.CustomerKey> waitedFor() {
            if (waitedFor == null) {
                waitedFor = waitingRoom.customersWaitedForAmong(customers);
            }
            return waitedFor;
        }

        void apply(Intake intake) {
            if (!isCustomerCreate(intake)) {
                createPendingCustomers();
            }
            if (intake instanceof Intake.Unreadable unreadable) {
                records.add(deadLetters.of(unreadable.record()));
                listener.deadLettered(unreadable.record());
                RequestIdentity identity = unreadable.record().identity();
                if (identity != null) {
                    refuse(identity, unreadable.contentHash(), null,
                            List.of(new ResultError(ErrorCode.VALIDATION_FAILED, "the record could not be read ("
                                    + unreadable.record().reason() + ": " + unreadable.record().detail()
                                    + "); it was sent to the dead-letter topic", null)));
                }
                return;
            }
            Intake.Checked checked = (Intake.Checked) intake;
            if (checked.validation() instanceof Validation.Invalid invalid) {
                refuse(invalid.identity(), invalid.contentHash(), invalid.subject(), invalid.errors());
                return;
            }
            ProvisioningRequest request = ((Validation.Valid) checked.validation()).request();
            RequestKey key = request.key();
            IdempotencyLedger.Verdict verdict = ledger.admit(key, request.contentHash());
            switch (verdict) {
                case REPEAT -> listener.repeated(request.identity());
                case KEY_REUSED -> {
                    createPendingCustomers();
                    refuseReuse(request.identity(), request.contentHash());
                }
                case NEW -> handleNew(request);
            }
        }

        private static boolean isCustomerCreate(Intake intake) {
            return intake instanceof Intake.Checked checked && checked.validation() instanceof Validation.Valid valid
                    && valid.request().type() == RequestType.CUSTOMER_CREATE;
        }

        private void handleNew(ProvisioningRequest request) {
            if (request.type() == RequestType.CUSTOMER_CREATE) {
                pendingCreates.add(request);
                if (waitedFor().contains(new CustomerLocks.CustomerKey(request.partnerId(), request.customerExternalId()))) {
                    createPendingCustomers(); // what waits for this customer comes right after its creation
                }
                return;
            }
            Outcome outcome = handlers.handle(request);
            if (outcome instanceof Outcome.AwaitCustomer) {
                Optional<String> full = waitingLimits.whyFull(request.customerExternalId(),
                        waitingRoom.waiting(request.partnerId(), request.customerExternalId(), waitingLimits));
                if (full.isPresent()) {
                    complete(request, Rejections.of(request.identity(), request.customerExternalId(),
                            List.of(new ResultError(ErrorCode.CUSTOMER_NOT_FOUND, full.get(), null))));
                    return;
                }
                waitingRoom.park(request, now, now.plus(properties.customerWaitTimeout()));
                waitedFor().add(new CustomerLocks.CustomerKey(request.partnerId(), request.customerExternalId()));
                ledger.record(request.key(), request.contentHash(), request.type().wire(), RequestLog.State.WAITING,
                        null, now);
                listener.parked(request);
                return;
            }
            complete(request, (Outcome.Result) outcome);
        }

        void createPendingCustomers() {
            if (pendingCreates.isEmpty()) {
                return;
            }
            List<Outcome> outcomes = handlers.handleAll(RequestType.CUSTOMER_CREATE, pendingCreates);
            for (int i = 0; i < pendingCreates.size(); i++) {
                ProvisioningRequest request = pendingCreates.get(i);
                Outcome.Result result = (Outcome.Result) outcomes.get(i);
                try (LogContext context = LogContext.of(request.identity(), Traceparent.of(request.event()))) {
                    complete(request, result);
                    if (result.succeeded()) {
                        releaseWaitingFor(request.partnerId(), request.customerExternalId());
                    }
                }
            }
            pendingCreates.clear();
        }

        private void complete(ProvisioningRequest request, Outcome.Result result) {
            UUID eventId = publish(request, result);
            ledger.record(request.key(), request.contentHash(), request.type().wire(), RequestLog.State.COMPLETED,
                    eventId, now);
        }

        /** The customer exists now: apply what waited for it, in arrival order. */
        private void releaseWaitingFor(String partnerId, String customerExternalId) {
            if (!waitedFor().contains(new CustomerLocks.CustomerKey(partnerId, customerExternalId))) {
                return;
            }
            // Requests parked earlier in this very batch must be in the log before they can complete.
            requestLog.insert(ledger.drainAdditions());
            // A page at a time: as many may wait as the limits allow, each up to a megabyte.
            List<WaitingRoom.Parked> page;
            long after = 0;
            do {
                page = waitingRoom.waitingFor(partnerId, customerExternalId, after, waitingLimits.pageSize());
                for (WaitingRoom.Parked parked : page) {
                    Validation validation = validator.revalidate(parked.event());
                    try (LogContext context = LogContext.of(validation.identity(), Traceparent.of(parked.event()))) {
                        if (!release(parked, validation)) {
                            return; // an earlier parked request deleted the customer again: the rest keep waiting
                        }
                    }
                    after = parked.arrivalSeq();
                }
            } while (page.size() == waitingLimits.pageSize());
        }

        /** Applies a request that waited for its customer; false if it must go on waiting. */
        private boolean release(WaitingRoom.Parked parked, Validation validation) {
            if (validation instanceof Validation.Invalid invalid) {
                refuseParked(parked, invalid);
                return true;
            }
            ProvisioningRequest request = ((Validation.Valid) validation).request();
            Outcome outcome = handlers.handle(request);
            if (outcome instanceof Outcome.AwaitCustomer) {
                return false;
            }
            UUID eventId = publish(request, (Outcome.Result) outcome);
            waitingRoom.remove(parked.arrivalSeq());
            requestLog.complete(request.key(), eventId, now);
            listener.released(request);
            return true;
        }

        /**
         * A request accepted when it arrived but refused by the rules of the version now running (an
         * upgrade tightened them): it gets the refusal it would get if it arrived now, and what else
         * waited for the customer, and the customer's creation itself, go on.
         */
        private void refuseParked(WaitingRoom.Parked parked, Validation.Invalid invalid) {
            RequestIdentity identity = invalid.identity();
            UUID eventId = ResultEnvelopes.eventId(identity.partnerId(), identity.requestId(), null);
            records.add(envelopes.envelope(eventId, identity.partnerId(),
                    Rejections.of(identity, invalid.subject(), invalid.errors()), null, now));
            waitingRoom.remove(parked.arrivalSeq());
            requestLog.complete(new RequestKey(identity.partnerId(), identity.requestId()), eventId, now);
            listener.rejected(identity, invalid.errors());
        }

        private void refuse(RequestIdentity identity, byte[] contentHash, String subject,
                            List<ResultError> errors) {
            RequestKey key = new RequestKey(identity.partnerId(), identity.requestId());
            switch (ledger.admit(key, contentHash)) {
                case REPEAT -> listener.repeated(identity);
                case KEY_REUSED -> refuseReuse(identity, contentHash);
                case NEW -> {
                    UUID eventId = ResultEnvelopes.eventId(identity.partnerId(), identity.requestId(), null);
                    records.add(envelopes.envelope(eventId, identity.partnerId(),
                            Rejections.of(identity, subject, errors), null, now));
                    ledger.record(key, contentHash, identity.type(), RequestLog.State.COMPLETED, eventId, now);
                    listener.rejected(identity, errors);
                }
            }
        }

        private void refuseReuse(RequestIdentity identity, byte[] contentHash) {
            RequestKey key = new RequestKey(identity.partnerId(), identity.requestId());
            UUID eventId = ResultEnvelopes.eventId(identity.partnerId(), identity.requestId(), contentHash);
            List<ResultError> errors = List.of(new ResultError(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "request id '" + identity.requestId() + "' was used before for a request with other content;"
                            + " nothing was changed", null));
            records.add(envelopes.envelope(eventId, identity.partnerId(), Rejections.of(identity, null, errors),
                    null, now));
            ledger.record(key, contentHash, identity.type(), RequestLog.State.COMPLETED, eventId, now);
            listener.rejected(identity, errors);
        }

        private UUID publish(ProvisioningRequest request, Outcome.Result result) {
            UUID eventId = ResultEnvelopes.eventId(request.partnerId(), request.requestId(), null);
            records.add(envelopes.envelope(eventId, request.partnerId(), result,
                    Traceparent.of(request.event()), now));
            listener.completed(request, result);
            return eventId;
        }
    }
}
