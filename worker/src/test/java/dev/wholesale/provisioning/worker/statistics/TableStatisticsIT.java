package dev.wholesale.provisioning.worker.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

/**
 * The worker's tables are analyzed as they grow, each time they have doubled, so that PostgreSQL
 * plans again the statements it cached while they were small (a fresh database).
 */
class TableStatisticsIT extends WorkerIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTableIsAnalyzedEachTimeItHasDoubledAndNotInBetween() throws InterruptedException {
        long before = analyses();

        insertRequests(0, 3_000);
        awaitAnalyses(before + 1);

        insertRequests(3_000, 1_000); // a third more: not yet
        Thread.sleep(5_000);
        assertThat(analyses()).as("analyses of request_log after growing by a third").isEqualTo(before + 1);

        insertRequests(4_000, 2_500); // now more new rows than there were: doubled
        awaitAnalyses(before + 2);
    }

    private long analyses() {
        return jdbc.queryForObject("select analyze_count from pg_stat_user_tables where relname = 'request_log'", Long.class);
    }

    private void awaitAnalyses(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (analyses() < expected) {
            assertThat(System.nanoTime()).as("request_log analyzed %d times", expected).isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(analyses()).isEqualTo(expected);
    }

    private void insertRequests(int from, int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            rows.add(new Object[] {"partner-statistics", "request-" + i, new byte[] {(byte) i, (byte) (i >> 8)},
                    Timestamp.from(Instant.now())});
        }
        jdbc.batchUpdate("""
                insert into request_log (partner_id, request_id, content_hash, request_type, is_original, state, received_at)
                values (?, ?, ?, 'provisioning.customer.delete.v1', true, 'WAITING', ?)
                """, rows);
    }
}
