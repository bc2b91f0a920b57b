package dev.wholesale.provisioning.worker.lifecycle;

import static dev.wholesale.provisioning.worker.Requests.template;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;
import dev.wholesale.provisioning.worker.retention.RetentionJob;

/**
 * Storage stays bounded: once the idempotency window has passed, request ids and published results
 * are deleted, while the business data stays.
 */
@TestPropertySource(properties = "provisioning.retention=PT2S")
class RetentionIT extends WorkerIntegrationTest {

    @Autowired
    RetentionJob retention;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void requestIdsAndPublishedResultsAreForgottenAfterTheRetentionWindow() throws InterruptedException {
        client.send(templates(), "partner-retention/Old", RequestTopicsClient.event("provisioning.template.create.v1",
                "partner-retention", "retention-t1", template("Old")));
        client.awaitResult("retention-t1");
        assertThat(count("request_log")).isEqualTo(1);
        assertThat(count("outbox where published_at is not null")).isEqualTo(1);

        Thread.sleep(Duration.ofSeconds(3).toMillis());
        retention.purge();

        assertThat(count("request_log")).isZero();
        assertThat(count("outbox")).isZero();
        assertThat(count("template")).isEqualTo(1);
    }

    private long count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Long.class);
    }
}
