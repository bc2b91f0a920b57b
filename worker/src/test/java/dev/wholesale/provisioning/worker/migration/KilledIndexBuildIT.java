package dev.wholesale.provisioning.worker.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.wholesale.provisioning.testkit.DataSourceSpec;
import dev.wholesale.provisioning.testkit.Infrastructure;

/**
 * V4's concurrent build of the outbox's created_at index, killed halfway, leaves that index INVALID
 * and V4 unrecorded. The next start, with the worker's own Flyway set-up, builds the index again
 * rather than keep the broken one, and leaves alone an index that is valid or still being built.
 */
class KilledIndexBuildIT {

    /** V4, as a worker of this version runs it. */
    private static final String V4 = "create index concurrently if not exists outbox_created_at on outbox (created_at)";

    private final DataSourceSpec database = Infrastructure.shared().postgres().createDatabase("migration");
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(),
            database.username(), database.password()));

    @BeforeEach
    void aDatabaseOfThePreviousVersion() {
        Flyway.configure().dataSource(jdbc.getDataSource()).locations("classpath:db/migration").target("3").load()
                .migrate();
    }

    @Test
    void anIndexWhoseBuildWasKilledHalfwayIsBuiltAgainByTheNextStart() throws Exception {
        try (HeldIndexBuild build = HeldIndexBuild.start(database, "outbox", V4)) {
            build.kill();
        }
        assertThat(index("outbox_created_at")).as("what the killed build left")
                .hasValueSatisfying(index -> assertThat(index.valid()).isFalse());

        startTheWorker();

        assertThat(index("outbox_created_at")).as("after the next start")
                .hasValueSatisfying(index -> assertThat(index.valid()).isTrue());
        assertThat(recordsOfV4()).containsExactly(true);
    }

    @Test
    void aValidIndexIsLeftAlone() {
        // The build of a killed worker went on to the end by itself, but V4 was never recorded.
        jdbc.execute(V4);
        Index built = index("outbox_created_at").orElseThrow();
        assertThat(built.valid()).isTrue();

        startTheWorker();

        assertThat(index("outbox_created_at")).contains(built);
        assertThat(recordsOfV4()).containsExactly(true);
    }

    @Test
    void anIndexSomeoneIsBuildingMeanwhileIsLeftToFinish() throws Exception {
        // Built outside Flyway (an operator's), so not under its lock; INVALID until it ends. On another
        // table than V4's: two concurrent builds on one table can deadlock, whatever the worker does.
        try (HeldIndexBuild build = HeldIndexBuild.start(database, "subscriber",
                "create index concurrently subscriber_by_last_name on subscriber (last_name)")) {
            Index building = index("subscriber_by_last_name").orElseThrow();
            CompletableFuture<Void> start = CompletableFuture.runAsync(this::startTheWorker);
            // Until the start is done, or waits for the build's lock on the table: to drop the index,
            // were building indexes not left alone.
            await().atMost(Duration.ofSeconds(20)).until(() -> start.isDone() || build.anotherSessionWaitsForALock());
            build.finish();
            start.get(30, TimeUnit.SECONDS);

            assertThat(index("subscriber_by_last_name")).contains(new Index(building.oid(), true));
        }
        assertThat(index("outbox_created_at")).hasValueSatisfying(index -> assertThat(index.valid()).isTrue());
        assertThat(recordsOfV4()).containsExactly(true);
    }

    private record Index(long oid, boolean valid) {
    }

    private Optional<Index> index(String name) {
        return jdbc.query("select indexrelid::bigint, indisvalid from pg_index where indexrelid = to_regclass(?)",
                (row, n) -> new Index(row.getLong(1), row.getBoolean(2)), name).stream().findFirst();
    }

    /** Whether each run of V4 that Flyway recorded succeeded. */
    private List<Boolean> recordsOfV4() {
        return jdbc.queryForList("select success from flyway_schema_history where version = '4'", Boolean.class);
    }

    /** The worker's start as far as its schema goes: its application.yml, Spring Boot's Flyway, its callbacks. */
    private void startTheWorker() {
        // Flyway migrates while the context starts; arguments outrank application.yml, as in a deployment.
        new SpringApplicationBuilder(SchemaOnly.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--spring.main.banner-mode=off")
                .close();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    @ComponentScan(basePackageClasses = KilledIndexBuilds.class)
    static class SchemaOnly {
    }
}
