package dev.wholesale.provisioning.worker.operations;

import static dev.wholesale.provisioning.worker.Requests.addUsers;
import static dev.wholesale.provisioning.worker.Requests.customer;
import static dev.wholesale.provisioning.worker.Requests.template;
import static dev.wholesale.provisioning.worker.Requests.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import dev.wholesale.provisioning.worker.DatabaseOutage;
import dev.wholesale.provisioning.worker.RequestTopicsClient;
import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

import tools.jackson.databind.JsonNode;

/** What an operator sees: health, metrics and the status API, on a running worker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsIT extends WorkerIntegrationTest {

    private static final String PARTNER = "partner-ops";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void statusApiShowsRequestsAndCustomersOfThePartnerOnly() throws Exception {
        provisionCustomerWithUsers("ops-1", 3);

        JsonNode status = getJson("/api/v1/partners/" + PARTNER + "/requests/ops-1-users");
        assertThat(status.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(status.path("result").path("type").asString()).isEqualTo("provisioning.users.provisioned.v1");

        JsonNode firstPage = getJson("/api/v1/partners/" + PARTNER + "/customers/ops-1?page=0&size=2");
        assertThat(firstPage.path("customer").path("externalId").asString()).isEqualTo("ops-1");
        assertThat(firstPage.path("users").path("total").asInt()).isEqualTo(4); // 3 users and the administrator
        assertThat(firstPage.path("users").path("items").size()).isEqualTo(2);
        JsonNode secondPage = getJson("/api/v1/partners/" + PARTNER + "/customers/ops-1?page=1&size=2");
        assertThat(secondPage.path("users").path("items").size()).isEqualTo(2);
        assertThat(secondPage.path("users").path("items").get(0).path("email").asString())
                .isNotEqualTo(firstPage.path("users").path("items").get(0).path("email").asString());

        assertThat(get("/api/v1/partners/partner-other/customers/ops-1").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/partners/partner-other/requests/ops-1-users").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/partners/" + PARTNER + "/customers/ops-1?size=100000").statusCode()).isEqualTo(400);
    }

    @Test
    void metricsCountOutcomesByTypeAndShowTheBacklog() throws Exception {
        provisionCustomerWithUsers("ops-metrics", 1);
        client.send(customers(), PARTNER + "/x", RequestTopicsClient.event("provisioning.customer.create.v1", PARTNER,
                "ops-metrics-bad", java.util.Map.of("externalId", "x")));
        client.awaitResult("ops-metrics-bad");

        String metrics = get("/actuator/prometheus").body();
        assertThat(counter(metrics, "provisioning.customer.create.v1", "succeeded")).isGreaterThanOrEqualTo(1);
        assertThat(counter(metrics, "provisioning.customer.create.v1", "rejected")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("provisioning_outbox_pending").contains("provisioning_waiting_requests");
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag");
        assertThat(metrics).as("processing time of each batch").contains("spring_kafka_listener_seconds_count");
    }

    /**
     * The alert rules and the dashboard of infra/monitoring name only metrics the worker exports:
     * a misspelt or renamed metric would make an alert silently never fire.
     */
    @Test
    void everyMetricTheAlertsAndTheDashboardUseIsExported() throws Exception {
        provisionCustomerWithUsers("ops-monitoring", 1);
        String metrics = get("/actuator/prometheus").body();
        java.util.Set<String> exported = new java.util.HashSet<>();
        for (String line : metrics.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                exported.add(line.split("[{ ]", 2)[0]);
            }
        }
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (String file : List.of("prometheus-rules.yaml", "grafana-dashboard.json")) {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of("../infra/monitoring", file));
            java.util.regex.Matcher metric = java.util.regex.Pattern
                    .compile("\\b(provisioning|kafka_consumer|spring_kafka|jvm)_[a-z_]+").matcher(text);
            while (metric.find()) {
                used.add(metric.group());
            }
        }
        assertThat(used).hasSizeGreaterThanOrEqualTo(10);
        assertThat(used).allSatisfy(name -> assertThat(exported).as(name).contains(name));
    }

    @Test
    void readinessGoesDownWhenPostgresIsUnreachableAndUpWhenItIsBack() throws Exception {
        assertThat(getJson("/actuator/health/readiness").path("status").asString()).isEqualTo("UP");
        JsonNode health = getJson("/actuator/health");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");

        try (DatabaseOutage outage = DatabaseOutage.begin(environment.getProperty("spring.datasource.url"))) {
            JsonNode down = awaitReadiness("DOWN");
            assertThat(down.path("components").path("db").path("status").asString()).isEqualTo("DOWN");
            assertThat(down.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
            assertThat(getJson("/actuator/health/liveness").path("status").asString()).isEqualTo("UP");
        }
        awaitReadiness("UP");
    }

    private void provisionCustomerWithUsers(String externalId, int users) {
        client.send(templates(), PARTNER + "/" + externalId, RequestTopicsClient.event("provisioning.template.create.v1",
                PARTNER, externalId + "-template", template("Ops " + externalId)));
        String provisioningId = client.awaitResult(externalId + "-template").path("data").path("template")
                .path("provisioningId").asString();
        client.send(customers(), PARTNER + "/" + externalId, RequestTopicsClient.event("provisioning.customer.create.v1",
                PARTNER, externalId + "-customer", customer(externalId, provisioningId, "admin@" + externalId + ".dk")));
        client.awaitResult(externalId + "-customer");
        List<Object> newUsers = new java.util.ArrayList<>();
        for (int i = 0; i < users; i++) {
            newUsers.add(user("user" + i + "@" + externalId + ".dk", "webex_meetings", "Copenhagen HQ", null, null));
        }
        client.send(users(), PARTNER + "/" + externalId, RequestTopicsClient.event("provisioning.users.add.v1",
                PARTNER, externalId + "-users", addUsers(externalId, List.of(), newUsers)));
        client.awaitResult(externalId + "-users");
    }

    private JsonNode awaitReadiness(String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode readiness = getJson("/actuator/health/readiness");
            if (expected.equals(readiness.path("status").asString()) || System.nanoTime() > deadline) {
                assertThat(readiness.path("status").asString()).isEqualTo(expected);
                return readiness;
            }
            Thread.sleep(500);
        }
    }

    private static double counter(String metrics, String type, String outcome) {
        return metrics.lines()
                .filter(line -> line.startsWith("provisioning_requests_total{") && line.contains("type=\"" + type + "\"")
                        && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private JsonNode getJson(String path) throws Exception {
        return RequestTopicsClient.JSON.readTree(get(path).body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
