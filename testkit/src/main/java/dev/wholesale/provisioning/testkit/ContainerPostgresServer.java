package dev.wholesale.provisioning.testkit;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL in a pinned Docker image, started by Testcontainers (its Ryuk sidecar removes it if we die). */
final class ContainerPostgresServer implements PostgresServer {

    /** Same major/minor as the embedded binaries (17.6), so both variants behave alike. */
    static final String DEFAULT_IMAGE = "postgres:17.6-alpine";

    private final PostgreSQLContainer container;
    private final String version;

    private ContainerPostgresServer(PostgreSQLContainer container) {
        this.container = container;
        this.version = Databases.serverVersion(admin());
    }

    static ContainerPostgresServer start(Settings settings) {
        String image = settings.get(Settings.POSTGRES_IMAGE).orElse(DEFAULT_IMAGE);
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("postgres")
                .withUsername("test")
                .withPassword("test");
        // Replaces the module's default command: room for several Spring contexts' pools, no fsync.
        container.setCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off",
                "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
        container.start();
        try {
            return new ContainerPostgresServer(container);
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }

    @Override
    public Variant variant() {
        return Variant.TESTCONTAINERS;
    }

    @Override
    public String jdbcUrl() {
        return container.getJdbcUrl();
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public String description() {
        return "PostgreSQL " + version + " container (" + container.getDockerImageName() + ") at " + jdbcUrl();
    }

    @Override
    public void close() {
        container.stop();
    }
}
