package dev.wholesale.provisioning.worker.observability;

import org.springframework.stereotype.Component;

import dev.wholesale.provisioning.worker.outbox.PendingRecords;
import dev.wholesale.provisioning.worker.waiting.WaitingLimits;
import dev.wholesale.provisioning.worker.waiting.WaitingRoom;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What is waiting, read from Postgres at scrape time: results not yet published (should stay near
 * zero; growth means the relay or Kafka is stuck) and requests waiting for their customer.
 */
@Component
public class BacklogGauges {

    public BacklogGauges(MeterRegistry meters, PendingRecords pending, WaitingRoom waitingRoom, WaitingLimits limits) {
        Gauge.builder("provisioning.outbox.pending", pending, PendingRecords::countPending)
                .description("Results and dead letters written but not yet published to Kafka").register(meters);
        Gauge.builder("provisioning.outbox.oldest.pending", pending, PendingRecords::oldestPendingSeconds)
                .baseUnit("seconds").description("How long the oldest result not yet published has waited (0: none waits);"
                        + " it grows while no relay publishes").register(meters);
        Gauge.builder("provisioning.waiting.requests", waitingRoom, WaitingRoom::count)
                .description("Requests waiting for their customer to be created").register(meters);
        Gauge.builder("provisioning.waiting.fullest.partner.share", waitingRoom, room -> room.fullestPartnerShare(limits))
                .description("Requests the partner with the most waiting has waiting, as a share of the per-partner"
                        + " limit (1: further requests for missing customers are refused)").register(meters);
    }
}
