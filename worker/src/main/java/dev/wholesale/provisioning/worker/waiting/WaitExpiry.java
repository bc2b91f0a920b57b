package dev.wholesale.provisioning.worker.waiting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;
import dev.wholesale.provisioning.contracts.catalogue.ResultStatus;
import dev.wholesale.provisioning.contracts.catalogue.ResultType;
import dev.wholesale.provisioning.contracts.result.RequestRejected;
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.worker.idempotency.RequestKey;
import dev.wholesale.provisioning.worker.idempotency.RequestLog;
import dev.wholesale.provisioning.worker.outbox.OutboxRecord;
import dev.wholesale.provisioning.worker.outbox.OutboxWriter;
import dev.wholesale.provisioning.worker.request.Outcome;
import dev.wholesale.provisioning.worker.request.ResultEnvelopes;
import dev.wholesale.provisioning.worker.request.Traceparent;

/**
 * Refuses requests whose customer did not appear in time with CUSTOMER_NOT_FOUND. Each customer
 * is settled in its own transaction under its lock, so this races neither the creation of that
 * customer nor the same job on another instance.
 */
@Component
public class WaitExpiry {

    /**
     * Its own thread: on the scheduler that retention and statistics share, a long purge would
     * delay the refusal of expired waits. Every instance refuses expired waits, each customer under
     * its lock, so they share the work.
     */
    public static final String WAIT_EXPIRY_SCHEDULER = "waitExpiryScheduler";

    private final WaitingRoom waitingRoom;
    private final CustomerLocks locks;
    private final RequestLog requestLog;
    private final OutboxWriter outbox;
    private final ResultEnvelopes envelopes;
    private final TransactionTemplate transactions;
    private final WaitingLimits limits;
    private final Clock clock;

    public WaitExpiry(WaitingRoom waitingRoom, CustomerLocks locks, RequestLog requestLog, OutboxWriter outbox,
                      ResultEnvelopes envelopes, TransactionTemplate transactions, WaitingLimits limits, Clock clock) {
        this.waitingRoom = waitingRoom;
        this.locks = locks;
        this.requestLog = requestLog;
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.transactions = transactions;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * A page of expired requests per transaction: a customer with a thousand expired waits is
     * refused in several short transactions, not one long one holding its lock.
     */
    @Scheduled(fixedDelayString = "${provisioning.waiting.check-interval:PT1S}", scheduler = WAIT_EXPIRY_SCHEDULER)
    public void refuseExpired() {
        for (CustomerLocks.CustomerKey customer : waitingRoom.customersWithExpiredWaits(clock.instant(), limits.pageSize())) {
            Integer refused;
            do {
                refused = transactions.execute(status -> refuseExpired(customer));
            } while (refused != null && refused == limits.pageSize());
        }
    }

    private int refuseExpired(CustomerLocks.CustomerKey customer) {
        locks.lock(List.of(customer));
        Instant now = clock.instant();
        List<OutboxRecord> results = new ArrayList<>();
        List<WaitingRoom.Parked> expired = waitingRoom.takeExpired(customer, now, limits.pageSize());
        for (WaitingRoom.Parked parked : expired) {
            String requestId = parked.event().path("id").asString();
            String type = parked.event().path("type").asString();
            UUID eventId = ResultEnvelopes.eventId(parked.partnerId(), requestId, null);
            RequestRejected rejected = new RequestRejected(requestId, type, ResultStatus.REJECTED,
                    List.of(new ResultError(ErrorCode.CUSTOMER_NOT_FOUND, "no customer with external id '"
                            + parked.customerExternalId() + "' appeared while the request waited", null)));
            results.add(envelopes.envelope(eventId, parked.partnerId(),
                    new Outcome.Result(ResultType.REQUEST_REJECTED, parked.customerExternalId(), rejected,
                            ResultStatus.REJECTED),
                    Traceparent.of(parked.event()), now));
            requestLog.complete(new RequestKey(parked.partnerId(), requestId), eventId, now);
        }
        outbox.write(results, now);
        return expired.size();
    }
}
