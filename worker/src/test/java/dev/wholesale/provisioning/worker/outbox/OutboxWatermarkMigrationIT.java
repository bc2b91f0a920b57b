package dev.wholesale.provisioning.worker.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.wholesale.provisioning.testkit.DataSourceSpec;
import dev.wholesale.provisioning.testkit.Infrastructure;

/**
 * A database that a worker of the previous version ran on, its outbox marked row by row, gets a
 * watermark that neither skips an unpublished result (it would be lost) nor sits below what was
 * published and purged long ago.
 */
class OutboxWatermarkMigrationIT {

    @Test
    void theWatermarkStopsBelowTheFirstResultNotYetPublished() {
        assertThat(watermarkAfterMigrating(14, published(11), published(12), unpublished(13), unpublished(14)))
                .isEqualTo(12);
    }

    @Test
    void everythingTheOutboxEverTookIsPublishedWhenNothingIsLeftToPublish() {
        // seq 1 to 6 published and purged already
        assertThat(watermarkAfterMigrating(7, published(7))).isEqualTo(7);
    }

    @Test
    void theWatermarkStopsBelowTheFirstUnpublishedResultWhenEverythingPublishedWasPurged() {
        // seq 1 to 12 published and purged already
        assertThat(watermarkAfterMigrating(14, unpublished(13), unpublished(14))).isEqualTo(12);
    }

    @Test
    void aDatabaseThatNeverHadAResultStartsAtZero() {
        assertThat(watermarkAfterMigrating(0)).isZero();
    }

    private record Row(long seq, boolean published) {
    }

    private static Row published(long seq) {
        return new Row(seq, true);
    }

    private static Row unpublished(long seq) {
        return new Row(seq, false);
    }

    /** The outbox as version 2 left it, then the migrations of this version. */
    private static long watermarkAfterMigrating(long lastSeq, Row... outbox) {
        DataSourceSpec database = Infrastructure.shared().postgres().createDatabase("migration");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password()));
        flyway(jdbc, "2").migrate();
        for (Row row : outbox) {
            jdbc.update("""
                    insert into outbox (seq, topic, record_key, event_id, payload, headers, created_at, published_at)
                    values (?, 'results', 'partner/customer', ?, '\\x7b7d', '[]', now(), case when ? then now() end)
                    """, row.seq(), "event-" + row.seq(), row.published());
        }
        jdbc.update("update outbox_sequence set last_seq = ?", lastSeq);
        flyway(jdbc, "latest").migrate();
        return jdbc.queryForObject("select up_to_seq from outbox_published", Long.class);
    }

    private static Flyway flyway(JdbcTemplate jdbc, String target) {
        // As the worker runs it (application.yml): a transactional lock would hold V4's concurrent index build.
        return Flyway.configure().configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .dataSource(jdbc.getDataSource()).locations("classpath:db/migration").target(target).load();
    }
}
