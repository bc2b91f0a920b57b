package dev.wholesale.provisioning.worker.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the outbox to Kafka, exactly once for read_committed consumers (ADR 0003):
 * <ol>
 *   <li>take the relay lease; open a transactional producer ({@code initTransactions} fences any
 *       previous relay and settles the transaction it left open);</li>
 *   <li>read back from Kafka the highest seq it holds and move the published watermark up to it;</li>
 *   <li>repeatedly, while the lease is kept: publish the rows above the watermark in seq order in one
 *       Kafka transaction, then move the watermark past them ({@link BatchPublisher}).</li>
 * </ol>
 * A crash anywhere leaves either an aborted transaction (rows still unpublished, sent again) or a
 * committed one that step 2 finds. Any failure restarts from step 1.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final RelayProperties properties;
    private final PendingRecords pending;
    private final RelayLease lease;
    private final BatchPublisher publisher;
    private final Supplier<Producer<String, byte[]>> producers;
    private final PublishedWatermark watermark;
    private final Supplier<Collection<String>> topics;
    private final Clock clock;
    private volatile boolean running;
    private volatile Thread thread;

    public OutboxRelay(RelayProperties properties, PendingRecords pending, JdbcTemplate jdbc, SmallerForm smallerForm,
                       Supplier<Producer<String, byte[]>> producers,
                       Supplier<Consumer<byte[], byte[]>> readCommittedConsumers,
                       Supplier<Collection<String>> topics, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.pending = pending;
        this.lease = new RelayLease(jdbc, properties.leaseTtl());
        this.publisher = new BatchPublisher(properties, pending, smallerForm, meters, topics.get(), clock);
        this.producers = producers;
        this.watermark = new PublishedWatermark(readCommittedConsumers);
        this.topics = topics;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lease.release();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the listeners, so that their last results still go out. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void run() {
        while (running) {
            if (!lease.tryAcquire()) {
                sleep(properties.retryBackoff().toMillis());
                continue;
            }
            Producer<String, byte[]> producer = null;
            long pause = properties.retryBackoff().toMillis();
            try {
                producer = producers.get();
                producer.initTransactions();
                catchUpWithKafka(watermark.read(topics.get()));
                relayWhileLeader(producer);
            } catch (KafkaAheadOfDatabase e) {
                // Checked again, and said again, after a while: an operator's fix is picked up
                // without a restart, and the log is not flooded meanwhile.
                log.error("Relay stopped: {}", e.getMessage());
                pause = properties.divergedRecheck().toMillis();
            } catch (ProducerFencedException e) {
                log.warn("Another relay took over: {}", e.getMessage());
                lease.release();
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Relay failed, starting over in {}: {}", properties.retryBackoff(), e.toString());
                }
            } finally {
                close(producer);
            }
            sleep(pause);
        }
    }

    /**
     * Moves the watermark up to what Kafka holds: the rows a relay published and did not live to
     * record. Kafka's last record must be the outbox row of its seq; if it is not, Kafka holds
     * results this database never wrote (restored to an earlier point, failed over to a replica that
     * lacked the last commits, or a topic shared with another database). Moving the watermark then
     * would skip results this database did write, so nothing is published until an operator has
     * decided what to do (README, Operations).
     */
    private void catchUpWithKafka(PublishedWatermark.Published inKafka) {
        long recorded = pending.publishedUpTo();
        switch (CatchUp.decide(recorded, inKafka.seq(), inKafka.seq() > recorded && pending.holds(inKafka))) {
            case DIVERGED -> throw new KafkaAheadOfDatabase("Kafka holds outbox seq " + inKafka.seq() + ", which this"
                    + " database has not written (or wrote with other content); it has published up to seq " + recorded
                    + ". Results are kept in the outbox and published once this is resolved.");
            case MOVE_UP -> pending.markPublishedUpTo(inKafka.seq(), clock.instant());
            case KAFKA_BEHIND -> log.warn("Kafka holds outbox records up to seq {} only, below the {} recorded as"
                    + " published: Kafka lost results (a topic recreated, an unclean leader election, retention); they"
                    + " are not sent again", inKafka.seq(), recorded);
            case IN_STEP -> { }
        }
        log.info("Relay started at outbox seq {} ({} rows were in Kafka but not yet recorded as published)",
                Math.max(recorded, inKafka.seq()), Math.max(0, inKafka.seq() - recorded));
    }

    /** Kafka and the database tell different stories; publishing more would lose or double results. */
    private static final class KafkaAheadOfDatabase extends IllegalStateException {
        KafkaAheadOfDatabase(String message) {
            super(message);
        }
    }

    private void relayWhileLeader(Producer<String, byte[]> producer) {
        long linger = properties.linger().toNanos();
        long lastTransactionStart = System.nanoTime() - linger;
        boolean caughtUp = true;
        while (running && lease.keep()) {
            // Only a relay that has caught up lingers: with a full batch's worth waiting, a
            // transaction carries as many records as it can, and waiting would only delay them.
            long lingered = System.nanoTime() - lastTransactionStart;
            if (caughtUp && lingered < linger) {
                sleep((linger - lingered) / 1_000_000);
            }
            lastTransactionStart = System.nanoTime();
            int rows = publisher.publishNext(producer, lease);
            if (rows == 0) {
                sleep(properties.idlePoll().toMillis());
            }
            caughtUp = rows < properties.batchSize();
        }
    }

    /**
     * With a timeout: a producer whose transaction failed may wait for ever on close for sends the
     * broker will never take, and the next producer's initTransactions() aborts what is left anyway.
     */
    private static void close(Producer<String, byte[]> producer) {
        if (producer == null) {
            return;
        }
        // stop() interrupts the relay to wake it; an interrupted close would give up at once and log an error.
        boolean interrupted = Thread.interrupted();
        try {
            producer.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            log.debug("Closing the relay's producer failed", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
