package dev.wholesale.provisioning.worker.outbox;

/**
 * What a relay that starts does about the difference between the watermark the database recorded
 * and the highest outbox seq Kafka holds.
 */
enum CatchUp {
    /** Kafka holds exactly what the database recorded as published (or both nothing). */
    IN_STEP,
    /** A relay published rows and died before recording it: move the watermark up to Kafka's. */
    MOVE_UP,
    /**
     * Kafka holds less than was recorded as published: a topic recreated, an unclean leader
     * election, or retention that removed everything. Those results are not sent again; say so.
     */
    KAFKA_BEHIND,
    /**
     * Kafka's last record is not the outbox row of its seq: Kafka holds results this database never
     * wrote (restored, failed over, a topic shared with another database). Moving the watermark
     * would skip results, so nothing is published until an operator decides.
     */
    DIVERGED;

    /**
     * @param recorded     the watermark in the database (0: nothing published yet)
     * @param inKafka      the highest seq in Kafka (-1: none)
     * @param sameRowInKafka whether Kafka's record of that seq is this database's row of it
     */
    static CatchUp decide(long recorded, long inKafka, boolean sameRowInKafka) {
        if (inKafka > recorded) {
            return sameRowInKafka ? MOVE_UP : DIVERGED;
        }
        return inKafka < recorded && recorded > 0 ? KAFKA_BEHIND : IN_STEP;
    }
}
