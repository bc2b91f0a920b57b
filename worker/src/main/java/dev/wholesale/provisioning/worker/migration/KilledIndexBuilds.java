package dev.wholesale.provisioning.worker.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drops the indexes of the worker's schema that a killed concurrent build left INVALID, right before
 * Flyway runs the pending migration, so that the migration builds them again. (Spring Boot hands
 * every {@link Callback} bean to Flyway.)
 *
 * <p>Why: a {@code create index concurrently} (V4) killed halfway leaves its index in the catalog,
 * INVALID: maintained on every write, never used by a read. Flyway recorded nothing, so the next
 * start runs the migration again, and its {@code if not exists} would find that index and keep it
 * broken for ever. A killed {@code reindex concurrently} leaves a {@code _ccnew} or {@code _ccold}
 * index the same way. The killed migration is the first one pending at the next start, and a
 * migration that builds concurrently runs outside a transaction, as {@code drop index concurrently}
 * must: so this runs before each migration, and does nothing before one Flyway runs in a transaction.
 *
 * <p>A build under way is INVALID too until it ends, and is never dropped. Another instance's: this
 * runs while Flyway holds its migration lock (before each migration, which Flyway applies under the
 * lock; not before the whole run, which Flyway starts without it). With
 * {@code spring.flyway.postgresql.transactional-lock: false} that lock is a session-level advisory
 * lock on the very connection that builds, so it is held until the build's statement ends, even
 * when the instance that started it was killed: PostgreSQL finishes the statement before it notices
 * that the client is gone (or, with {@code client_connection_check_interval}, stops it: a killed
 * build). One started outside Flyway (an operator's): an invalid index whose table has a build under
 * way in {@code pg_stat_progress_create_index} is left alone; dropping it would wait for that build,
 * then drop what it built, or deadlock with it.
 */
@Component
public class KilledIndexBuilds implements Callback {

    private static final Logger log = LoggerFactory.getLogger(KilledIndexBuilds.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return false;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (!connection.getAutoCommit()) {
                // The next migration runs in a transaction, where nothing can be built or dropped concurrently.
                return;
            }
            for (String index : invalidIndexesNobodyBuilds(connection)) {
                try (Statement statement = connection.createStatement()) {
                    // The name is quoted by PostgreSQL (format %I), from its own catalog.
                    statement.execute("drop index concurrently if exists " + index);
                }
                log.warn("Dropped index {}: a concurrent build killed before it ended had left it invalid;"
                        + " the migration about to run builds it again", index);
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not drop the indexes that killed builds left invalid", e);
        }
    }

    private static List<String> invalidIndexesNobodyBuilds(Connection connection) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select format('%I.%I', n.nspname, c.relname)
                       from pg_index i
                       join pg_class c on c.oid = i.indexrelid
                       join pg_namespace n on n.oid = c.relnamespace
                      where not i.indisvalid
                        and n.nspname = current_schema()
                        -- relid is null for another role's build, which might be on this table
                        and not exists (select from pg_stat_progress_create_index p
                                         where p.datname = current_database()
                                           and coalesce(p.relid, i.indrelid) = i.indrelid)
                     """)) {
            while (rows.next()) {
                indexes.add(rows.getString(1));
            }
        }
        return indexes;
    }

    @Override
    public String getCallbackName() {
        return "drop indexes left invalid by killed builds";
    }
}
