package dev.wholesale.provisioning.worker.request;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells what made a batch fail, by what the failure is, not by how Spring files it:
 * <ul>
 *   <li>{@link Kind#OUTAGE}: the database cannot be reached or is not serving (connection lost or
 *       refused, shutting down, starting up, out of connections, out of disk, I/O error): waited out
 *       for as long as it lasts, batch by batch, never counted against a record;</li>
 *   <li>{@link Kind#CONTENTION}: a lock was not granted in time, a deadlock, a serialization
 *       failure: another transaction was in the way. Tried again like an outage: the sessions'
 *       {@code lock_timeout} and {@code idle_in_transaction_session_timeout} bound how long anyone
 *       can be in the way, a frozen instance included;</li>
 *   <li>{@link Kind#OTHER}: everything else, such as a statement timeout or running out of shared
 *       memory for this batch, a constraint the checks missed, a defect. It repeats for the same
 *       batch, so after a few tries the batch is applied record by record, and a record that still
 *       fails is set aside: a partition never loops on it.</li>
 * </ul>
 */
public final class Failures {

    public enum Kind {
        OUTAGE, CONTENTION, OTHER;

        /** Tried again for as long as it lasts, never counted towards setting a record aside. */
        public boolean waitedOut() {
            return this != OTHER;
        }
    }

    /**
     * Server not available: admin or crash shutdown, starting up (57P01..57P03), too many connections
     * (53300), disk full (53100), I/O error (58030). Class 08 (connection) is matched as a class.
     */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300", "53100", "58030");
    /** Lock not available (lock_timeout), deadlock, serialization failure. */
    private static final Set<String> CONTENDED = Set.of("55P03", "40P01", "40001");

    private Failures() {
    }

    public static Kind classify(Throwable failure) {
        Kind kind = Kind.OTHER;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException) {
                return Kind.OUTAGE;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || UNAVAILABLE.contains(state)) {
                    return Kind.OUTAGE;
                }
                if (CONTENDED.contains(state)) {
                    kind = Kind.CONTENTION;
                }
            }
            // A connection killed mid-transaction fails the statement, then the rollback on the dead
            // connection; the rollback's exception ("Connection is closed", no SQL state) replaces the
            // statement's, which keeps the reason.
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                Kind ofStatement = classify(rollback.getApplicationException());
                if (ofStatement != Kind.OTHER) {
                    return ofStatement;
                }
            }
        }
        return kind;
    }
}
