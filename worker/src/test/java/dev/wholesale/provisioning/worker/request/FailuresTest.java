package dev.wholesale.provisioning.worker.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import dev.wholesale.provisioning.worker.request.Failures.Kind;

/**
 * An outage or contention is waited out; anything else is retried three times and then isolated
 * record by record, where a record that still fails is dead-lettered. Calling an outage "other"
 * would dead-letter a good request; calling a failure that repeats for one batch an outage would
 * loop its partition for ever. So the failures as the worker sees them are classified here.
 */
class FailuresTest {

    @Test
    void aStatementOnAKilledConnectionWhoseRollbackFailedTooIsAnOutage() {
        assertThat(Failures.classify(rollbackFailedAfter(new DataAccessResourceFailureException(
                "FATAL: terminating connection due to administrator command",
                new SQLException("terminating connection due to administrator command", "57P01"))))).isEqualTo(Kind.OUTAGE);
    }

    @Test
    void aFailedRollbackAfterAnOrdinaryErrorIsNeitherOutageNorContention() {
        assertThat(Failures.classify(rollbackFailedAfter(new DuplicateKeyException("duplicate key")))).isEqualTo(Kind.OTHER);
    }

    @Test
    void aRefusedStatementIsOther() {
        assertThat(Failures.classify(new DuplicateKeyException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isEqualTo(Kind.OTHER);
    }

    @Test
    void aLostConnectionIsAnOutage() {
        assertThat(Failures.classify(new IllegalStateException("wrapped",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isEqualTo(Kind.OUTAGE);
    }

    @Test
    void noConnectionFromThePoolIsAnOutage() {
        assertThat(Failures.classify(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("Connection is not available, request timed out after 3000ms", "08001"))))
                .isEqualTo(Kind.OUTAGE);
    }

    @Test
    void aServerStartingUpOrOutOfConnectionsOrDiskIsAnOutage() {
        for (String state : new String[] {"57P03", "53300", "53100", "58030", "57P02"}) {
            assertThat(Failures.classify(new TransientDataAccessResourceException("server", new SQLException("x", state))))
                    .as(state).isEqualTo(Kind.OUTAGE);
        }
    }

    @Test
    void aStatementTimeoutRepeatsForTheSameBatchSoItIsNotWaitedOut() {
        assertThat(Failures.classify(new QueryTimeoutException("timeout",
                new SQLException("canceling statement due to statement timeout", "57014")))).isEqualTo(Kind.OTHER);
    }

    @Test
    void runningOutOfSharedMemoryRepeatsForTheSameBatchSoItIsNotWaitedOut() {
        assertThat(Failures.classify(new TransientDataAccessResourceException("locks",
                new SQLException("out of shared memory", "53200")))).isEqualTo(Kind.OTHER);
    }

    @Test
    void aLockNotGrantedInTimeOrADeadlockIsContention() {
        assertThat(Failures.classify(new CannotAcquireLockException("lock",
                new SQLException("canceling statement due to lock timeout", "55P03")))).isEqualTo(Kind.CONTENTION);
        assertThat(Failures.classify(new CannotAcquireLockException("deadlock",
                new SQLException("deadlock detected", "40P01")))).isEqualTo(Kind.CONTENTION);
        assertThat(Kind.CONTENTION.waitedOut()).isTrue();
        assertThat(Kind.OTHER.waitedOut()).isFalse();
    }

    /** As Spring's TransactionInterceptor reports it: the rollback's exception, the statement's attached. */
    private static TransactionSystemException rollbackFailedAfter(RuntimeException statementFailure) {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(statementFailure);
        return rollback;
    }
}
