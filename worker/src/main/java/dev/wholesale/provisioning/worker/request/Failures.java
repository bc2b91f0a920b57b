package dev.wholesale.provisioning.worker.request;

import java.sql.SQLException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells an outage (the database unreachable or overloaded) from everything else. An outage is
 * waited out, batch by batch, for as long as it lasts; anything else is retried a few times (a
 * conflict with another instance resolves itself) and then looked at record by record.
 */
public final class Failures {

    private Failures() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && isOutageState(sql.getSQLState())) {
                return true;
            }
            // A connection killed mid-transaction fails the statement, then the rollback on the dead
            // connection; the rollback's exception ("Connection is closed", no SQL state) replaces the
            // statement's, which keeps the reason.
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isOutage(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** Connection (08), insufficient resources (53), operator intervention (57), system errors (58). */
    private static boolean isOutageState(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57")
                || sqlState.startsWith("58");
    }
}
