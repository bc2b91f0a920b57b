package dev.wholesale.provisioning.worker.statistics;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.wholesale.provisioning.worker.support.OneInstanceAtATime;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Analyzes a table of the worker once it has doubled since its statistics were taken, which also
 * makes PostgreSQL plan again every cached statement that reads it.
 *
 * <p>Why: pgjdbc prepares a statement on the server after a few executions, and PostgreSQL then
 * keeps a generic plan for it as long as the connection lives, until the table's statistics change.
 * On a fresh database the plans are made while the tables are nearly empty, so they scan whole
 * tables; autovacuum analyzes only once a minute, and at 25,000 users a second a minute is enough
 * for those scans to bring the worker down to 1,900 users a second (measured at four consumer
 * threads). Analyzing at every doubling costs a few analyses over a table's whole life, and a plan is
 * never made for a table less than half its size.
 */
@Component
public class TableStatistics {

    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);
    /** Below this many new rows a table is not worth analyzing, whatever its size. */
    private static final long MIN_NEW_ROWS = 1_000;
    private static final List<String> TABLES = List.of("subscriber", "customer", "location", "template", "request_log",
            "waiting_request", "outbox");

    private final JdbcTemplate jdbc;

    public TableStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Arbitrary, but the same on every instance: one look at the statistics at a time in the deployment. */
    private static final long LOCK_ID = 0x7374_6174_7374L;

    @Scheduled(fixedDelayString = "${provisioning.statistics.check-interval:PT2S}", initialDelayString = "PT2S")
    public void analyzeTablesThatDoubled() {
        try {
            new OneInstanceAtATime(jdbc).run(LOCK_ID, this::analyzeDoubled);
        } catch (DataAccessException e) {
            // PostgreSQL is unreachable: readiness reports it; the next check comes soon enough.
            log.debug("Could not check table statistics: {}", e.toString());
        }
    }

    private void analyzeDoubled() {
        List<String> doubled = jdbc.queryForList("""
                select relname from pg_stat_user_tables
                 where schemaname = current_schema() and relname = any(?)
                   and n_mod_since_analyze >= ? and n_mod_since_analyze >= n_live_tup - n_mod_since_analyze
                """, String.class, TABLES.toArray(String[]::new), MIN_NEW_ROWS);
        for (String table : doubled) {
            // The name comes from TABLES, never from outside.
            jdbc.execute("analyze " + table);
            log.debug("Analyzed {}: it has doubled since its last statistics", table);
        }
    }
}
