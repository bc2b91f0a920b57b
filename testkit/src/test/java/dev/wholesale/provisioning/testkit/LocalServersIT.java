package dev.wholesale.provisioning.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LocalServers used from code, as the demo launcher and the fault suite will: its own servers, separate
 * from {@link Infrastructure#shared()}, gone after close.
 */
class LocalServersIT {

    @Test
    void startsReachableServersAndStopsThem(@TempDir Path dir) throws Exception {
        Path envFile = dir.resolve("local-servers.env");
        String bootstrap;
        String jdbcUrl;
        try (LocalServers servers = LocalServers.start(Mode.EMBEDDED)) {
            bootstrap = servers.kafkaBootstrapServers();
            jdbcUrl = servers.jdbcUrl();

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            }
            try (Connection connection = DriverManager.getConnection(jdbcUrl, servers.username(), servers.password());
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }

            servers.writeEnvironmentFile(envFile);
            assertThat(Files.readAllLines(envFile)).containsExactly(
                    "KAFKA_BOOTSTRAP_SERVERS=" + bootstrap,
                    "JDBC_URL=" + jdbcUrl,
                    "JDBC_USERNAME=" + servers.username(),
                    "JDBC_PASSWORD=" + servers.password());
            assertThat(servers.infrastructure()).isNotSameAs(Infrastructure.shared());
        }

        assertThat(envFile).doesNotExist();
        assertThat(canConnect(jdbcUrl)).isFalse();
    }

    private static boolean canConnect(String jdbcUrl) {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl + "?connectTimeout=2", "postgres", "")) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
