package dev.wholesale.provisioning.worker.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.wholesale.provisioning.testkit.DataSourceSpec;
import dev.wholesale.provisioning.testkit.Infrastructure;

/** Housekeeping runs on one instance at a time: another that tries meanwhile skips its round. */
class OneInstanceAtATimeIT {

    private final JdbcTemplate jdbc = jdbc();

    @Test
    void aJobRunningOnOneInstanceIsSkippedByAnotherUntilItEnds() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread first = new Thread(() -> new OneInstanceAtATime(jdbc).run(1, () -> {
            running.countDown();
            await(finish);
        }));
        first.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicBoolean secondRan = new AtomicBoolean();
        assertThat(new OneInstanceAtATime(jdbc).run(1, () -> secondRan.set(true))).isFalse();
        assertThat(secondRan).isFalse();
        assertThat(new OneInstanceAtATime(jdbc).run(2, () -> { })).as("another job's lock").isTrue();

        finish.countDown();
        first.join();
        assertThat(new OneInstanceAtATime(jdbc).run(1, () -> secondRan.set(true))).as("once the first has ended").isTrue();
        assertThat(secondRan).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JdbcTemplate jdbc() {
        DataSourceSpec database = Infrastructure.shared().postgres().createDatabase("one-instance");
        return new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
    }
}
