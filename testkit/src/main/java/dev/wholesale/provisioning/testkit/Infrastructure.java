package dev.wholesale.provisioning.testkit;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real Kafka and one real PostgreSQL for tests, the demo launcher and the benchmark.
 *
 * <p>Tests call {@link #shared()}: the servers start on first use, once per JVM (Surefire and Failsafe
 * reuse one fork per module, so once per module's test run rather than once per class), and stop in
 * a JVM shutdown hook. Isolation between test classes comes from names, not from restarts: a database
 * per class ({@link PostgresServer#createDatabase(String)}) and unique topics and groups
 * ({@link #uniqueName(String)}). Which servers are used is decided by {@link VariantSelection}, and
 * printed once to stdout.
 *
 * <p>Typical Spring Boot test wiring:
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     Infrastructure infra = Infrastructure.shared();
 *     DataSourceSpec db = infra.postgres().createDatabase("OrderIntakeIT");
 *     registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
 *     registry.add("spring.datasource.url", db::jdbcUrl);
 *     registry.add("spring.datasource.username", db::username);
 *     registry.add("spring.datasource.password", db::password);
 * }
 * }</pre>
 */
public final class Infrastructure implements AutoCloseable {

    private static Infrastructure shared;
    private static RuntimeException sharedFailure;

    private final VariantChoice choice;
    private final KafkaServer kafka;
    private final PostgresServer postgres;
    private final Duration startup;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Infrastructure(VariantChoice choice, KafkaServer kafka, PostgresServer postgres, Duration startup) {
        this.choice = choice;
        this.kafka = kafka;
        this.postgres = postgres;
        this.startup = startup;
    }

    /**
     * The instance of this JVM, started on the first call. A failed start is remembered and rethrown,
     * so one broken setup fails every test class fast instead of retrying a slow start in each.
     */
    public static synchronized Infrastructure shared() {
        if (shared != null) {
            return shared;
        }
        if (sharedFailure != null) {
            throw new IllegalStateException("[testkit] not retrying; the first start in this JVM failed: "
                    + sharedFailure.getMessage(), sharedFailure);
        }
        try {
            Infrastructure started = start(Settings.fromEnvironment());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "testkit-shutdown"));
            System.out.println(started.summary());
            shared = started;
            return started;
        } catch (RuntimeException e) {
            sharedFailure = e;
            throw e;
        }
    }

    /**
     * A new, private pair of servers chosen from {@code settings}; the caller must {@link #close()} it.
     * Most code wants {@link #shared()} or {@link LocalServers#start()} instead.
     */
    public static Infrastructure start(Settings settings) {
        return start(settings, VariantSelection.choose(settings, DockerProbe::dockerAnswers));
    }

    /** Like {@link #start(Settings)} with the mode given by code rather than by settings. */
    static Infrastructure start(Settings settings, Mode mode, String modeSource) {
        return start(settings, VariantSelection.choose(settings, mode, modeSource, DockerProbe::dockerAnswers));
    }

    /** Starts Kafka and PostgreSQL side by side (each takes seconds) and stops the one that came up if the other fails. */
    static Infrastructure start(Settings settings, VariantChoice choice) {
        long begin = System.nanoTime();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "testkit-start-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<KafkaServer> kafka =
                    CompletableFuture.supplyAsync(() -> startKafka(choice.kafka(), settings), executor);
            CompletableFuture<PostgresServer> postgres =
                    CompletableFuture.supplyAsync(() -> startPostgres(choice.postgres(), settings), executor);
            try {
                CompletableFuture.allOf(kafka, postgres).join();
            } catch (CompletionException e) {
                kafka.thenAccept(KafkaServer::close);
                postgres.thenAccept(PostgresServer::close);
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IllegalStateException("[testkit] could not start test infrastructure (" + choice.reason()
                        + "): " + cause.getMessage(), cause);
            }
            Duration startup = Duration.ofNanos(System.nanoTime() - begin);
            return new Infrastructure(choice, kafka.join(), postgres.join(), startup);
        } finally {
            executor.shutdown();
        }
    }

    private static KafkaServer startKafka(Variant variant, Settings settings) {
        return switch (variant) {
            case EXTERNAL -> ExternalKafkaServer.connect(settings);
            case TESTCONTAINERS -> ContainerKafkaServer.start(settings);
            case EMBEDDED -> EmbeddedKafkaServer.start();
        };
    }

    private static PostgresServer startPostgres(Variant variant, Settings settings) {
        return switch (variant) {
            case EXTERNAL -> ExternalPostgresServer.connect(settings);
            case TESTCONTAINERS -> ContainerPostgresServer.start(settings);
            case EMBEDDED -> EmbeddedPostgresServer.start();
        };
    }

    /** {@code host:port} list for {@code bootstrap.servers} / {@code spring.kafka.bootstrap-servers}. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** {@code prefix-xxxxxxxx}, for topics, consumer groups and transactional ids private to one test. */
    public String uniqueName(String prefix) {
        return Names.unique(prefix);
    }

    /**
     * {@link Variant#EXTERNAL} if either server comes from the environment, otherwise the variant both use.
     * {@link #choice()} has the per-server answer.
     */
    public Variant variant() {
        return choice.overall();
    }

    public VariantChoice choice() {
        return choice;
    }

    /** The one line printed at startup, e.g. {@code [testkit] Kafka: embedded KRaft broker ... (no Docker engine answered; ...)}. */
    public String summary() {
        return "[testkit] Kafka: " + kafka.description() + "; Postgres: " + postgres.description()
                + "; (" + choice.reason() + "; started in "
                + String.format(Locale.ROOT, "%.1f s", startup.toMillis() / 1000.0) + ")";
    }

    /** Stops what this JVM started. Idempotent; the shared instance is closed by its shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = null;
        try {
            kafka.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            postgres.close();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
