package dev.wholesale.provisioning.worker.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param transactionalId shared by every instance: a new relay fences the previous one with it
 * @param leaseTtl        how long the relay lease lasts unless renewed (every third of it): how long a
 *                        frozen or cut-off relay holds up results before another instance takes over
 * @param batchSize       the most records per Kafka transaction
 * @param maxBatchSize    the most payload bytes per Kafka transaction (at least one record, however
 *                        large): bounds what a batch holds in the producer's buffer
 * @param idlePoll        how long the relay sleeps when the outbox is empty
 * @param retryBackoff    pause after a failure before the relay starts over
 * @param linger          the least time between the starts of two Kafka transactions while the
 *                        relay is caught up (its last transaction was less than a full batch): at
 *                        low load results wait up to this long, so that one transaction carries
 *                        several batches' results instead of the broker committing one per batch;
 *                        a backlog is published without waiting
 * @param divergedRecheck how often a relay that found Kafka ahead of the database checks again
 *                        (and says so again), waiting for an operator's fix
 */
@ConfigurationProperties("provisioning.relay")
public record RelayProperties(String transactionalId, Duration leaseTtl, int batchSize, DataSize maxBatchSize,
                              Duration idlePoll, Duration retryBackoff, Duration linger, Duration divergedRecheck) {

    public RelayProperties {
        transactionalId = transactionalId == null ? "provisioning-worker-relay" : transactionalId;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(15) : leaseTtl;
        batchSize = batchSize <= 0 ? 2000 : batchSize;
        maxBatchSize = maxBatchSize == null ? DataSize.ofMegabytes(8) : maxBatchSize;
        idlePoll = idlePoll == null ? Duration.ofMillis(10) : idlePoll;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
        linger = linger == null ? Duration.ofMillis(50) : linger;
        divergedRecheck = divergedRecheck == null ? Duration.ofSeconds(30) : divergedRecheck;
    }
}
