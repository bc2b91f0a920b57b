package dev.wholesale.provisioning.worker.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.wholesale.provisioning.testkit.DataSourceSpec;
import dev.wholesale.provisioning.testkit.Infrastructure;

/**
 * One relay at a time, and never one frozen for good: the lease is taken by one instance, refused
 * to another while it is renewed, and taken over once its holder stops renewing it (frozen,
 * cut off, dead); the former holder, when it wakes, finds it lost.
 */
class RelayLeaseIT {

    private static final Duration TTL = Duration.ofMillis(1500);

    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        DataSourceSpec database = Infrastructure.shared().postgres().createDatabase("lease");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        // As the worker runs it (application.yml): a transactional lock would hold V4's concurrent index build.
        Flyway.configure().configuration(Map.of("flyway.postgresql.transactional.lock", "false")).dataSource(dataSource)
                .load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void onlyOneInstanceHoldsTheLeaseWhileItIsRenewed() throws InterruptedException {
        RelayLease first = new RelayLease(jdbc, TTL);
        RelayLease second = new RelayLease(jdbc, TTL);

        assertThat(first.tryAcquire()).isTrue();
        for (int i = 0; i < 6; i++) {
            Thread.sleep(TTL.toMillis() / 3);
            assertThat(first.keep()).as("renewed").isTrue();
            assertThat(second.tryAcquire()).as("refused while renewed").isFalse();
        }
        assertThat(holder()).isEqualTo(first.holder());
    }

    @Test
    void aHolderThatStopsRenewingLosesTheLeaseToAnotherAndFindsOutWhenItWakes() throws InterruptedException {
        RelayLease frozen = new RelayLease(jdbc, TTL);
        RelayLease other = new RelayLease(jdbc, TTL);
        assertThat(frozen.tryAcquire()).isTrue();

        Thread.sleep(TTL.toMillis() + 300); // frozen: no renewal
        assertThat(frozen.isValid()).as("by its own clock, on waking").isFalse();
        assertThat(other.tryAcquire()).as("taken over once expired").isTrue();

        assertThat(frozen.keep()).as("the former holder cannot renew").isFalse();
        assertThat(other.keep()).isTrue();
        assertThat(holder()).isEqualTo(other.holder());
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        RelayLease stopping = new RelayLease(jdbc, Duration.ofMinutes(5));
        RelayLease other = new RelayLease(jdbc, Duration.ofMinutes(5));
        assertThat(stopping.tryAcquire()).isTrue();

        stopping.release();

        assertThat(other.tryAcquire()).isTrue();
    }

    @Test
    void aRelayStartingOverTakesItsOwnLeaseBackWithoutWaiting() {
        RelayLease relay = new RelayLease(jdbc, Duration.ofMinutes(5));
        assertThat(relay.tryAcquire()).isTrue();

        assertThat(relay.tryAcquire()).isTrue();
        assertThat(relay.keep()).isTrue();
    }

    private String holder() {
        return jdbc.queryForObject("select holder from relay_lease", String.class);
    }
}
