package dev.wholesale.provisioning.worker.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

/**
 * An outage is waited out; anything else is retried three times and then isolated record by
 * record, where a record that still fails is dead-lettered. Calling an outage "other" would
 * dead-letter a good request, so the failures as the worker sees them are classified here.
 */
class FailuresTest {

    @Test
    void aStatementOnAKilledConnectionWhoseRollbackFailedTooIsAnOutage() {
        assertThat(Failures.isOutage(rollbackFailedAfter(new DataAccessResourceFailureException(
                "FATAL: terminating connection due to administrator command",
                new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
    }

    @Test
    void aFailedRollbackAfterAnOrdinaryErrorIsNotAnOutage() {
        assertThat(Failures.isOutage(rollbackFailedAfter(new DuplicateKeyException("duplicate key")))).isFalse();
    }

    @Test
    void aRefusedStatementIsNotAnOutage() {
        assertThat(Failures.isOutage(new DuplicateKeyException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    }

    @Test
    void aLostConnectionIsAnOutage() {
        assertThat(Failures.isOutage(new IllegalStateException("wrapped",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
    }

    /** As Spring's TransactionInterceptor reports it: the rollback's exception, the statement's attached. */
    private static TransactionSystemException rollbackFailedAfter(RuntimeException statementFailure) {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(statementFailure);
        return rollback;
    }
}
