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
        JdbcTemplate jdbc = databaseAtVersion2();
        insertOutboxRow(jdbc, 11, true);
        insertOutboxRow(jdbc, 12, true);
        insertOutboxRow(jdbc, 13, false);
        insertOutboxRow(jdbc, 14, false);
        jdbc.update("update outbox_sequence set last_seq = 14");

        migrate(jdbc);

        assertThat(jdbc.queryForObject("select up_to_seq from outbox_published", Long.class)).isEqualTo(12);
    }

    @Test
    void everythingTheOutboxEverTookIsPublishedWhenNothingIsLeftToPublish() {
        JdbcTemplate jdbc = databaseAtVersion2();
        insertOutboxRow(jdbc, 7, true); // seq 1 to 6 published and purged already
        jdbc.update("update outbox_sequence set last_seq = 7");

        migrate(jdbc);

        assertThat(jdbc.queryForObject("select up_to_seq from outbox_published", Long.class)).isEqualTo(7);
    }

    @Test
    void theWatermarkStopsBelowTheFirstUnpublishedResultWhenEverythingPublishedWasPurged() {
        JdbcTemplate jdbc = databaseAtVersion2();
        insertOutboxRow(jdbc, 13, false); // seq 1 to 12 published and purged already
        insertOutboxRow(jdbc, 14, false);
        jdbc.update("update outbox_sequence set last_seq = 14");

        migrate(jdbc);

        assertThat(jdbc.queryForObject("select up_to_seq from outbox_published", Long.class)).isEqualTo(12);
    }

    @Test
    void aDatabaseThatNeverHadAResultStartsAtZero() {
        JdbcTemplate jdbc = databaseAtVersion2();

        migrate(jdbc);

        assertThat(jdbc.queryForObject("select up_to_seq from outbox_published", Long.class)).isZero();
    }

    private static JdbcTemplate databaseAtVersion2() {
        DataSourceSpec database = Infrastructure.shared().postgres().createDatabase("migration");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password()));
        flyway(jdbc, "2").migrate();
        return jdbc;
    }

    private static void migrate(JdbcTemplate jdbc) {
        flyway(jdbc, "latest").migrate();
    }

    private static Flyway flyway(JdbcTemplate jdbc, String target) {
        // As the worker runs it (application.yml): a transactional lock would hold V4's concurrent index build.
        return Flyway.configure().configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .dataSource(jdbc.getDataSource()).locations("classpath:db/migration").target(target).load();
    }

    private static void insertOutboxRow(JdbcTemplate jdbc, long seq, boolean published) {
        jdbc.update("""
                insert into outbox (seq, topic, record_key, event_id, payload, headers, created_at, published_at)
                values (?, 'results', 'partner/customer', ?, '\\x7b7d', '[]', now(), case when ? then now() end)
                """, seq, "event-" + seq, published);
    }
}
