package dev.wholesale.provisioning.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A PostgreSQL server someone else runs, named by {@code PROVISIONING_TEST_POSTGRES_URL} (+ {@code _USER},
 * {@code _PASSWORD}); the role needs {@code CREATEDB}. Unlike the other variants this one outlives the JVM,
 * so the databases this JVM created are dropped again on close.
 */
final class ExternalPostgresServer implements PostgresServer {

    private final DataSourceSpec admin;
    private final String version;
    private final List<String> created = new CopyOnWriteArrayList<>();

    private ExternalPostgresServer(DataSourceSpec admin) {
        this.admin = admin;
        this.version = Databases.serverVersion(admin);
    }

    static ExternalPostgresServer connect(Settings settings) {
        String url = settings.get(Settings.POSTGRES_URL)
                .orElseThrow(() -> new IllegalStateException(Settings.POSTGRES_URL + " is not set"));
        String user = settings.get(Settings.POSTGRES_USER)
                .orElseThrow(() -> new IllegalStateException(Settings.POSTGRES_URL + " is set but "
                        + Settings.POSTGRES_USER + " is not"));
        String password = settings.get(Settings.POSTGRES_PASSWORD).orElse("");
        return new ExternalPostgresServer(new DataSourceSpec(url, user, password));
    }

    @Override
    public Variant variant() {
        return Variant.EXTERNAL;
    }

    @Override
    public String jdbcUrl() {
        return admin.jdbcUrl();
    }

    @Override
    public String username() {
        return admin.username();
    }

    @Override
    public String password() {
        return admin.password();
    }

    @Override
    public String description() {
        return "external PostgreSQL " + version + " at " + admin.jdbcUrl();
    }

    @Override
    public DataSourceSpec createDatabase(String prefix) {
        DataSourceSpec spec = PostgresServer.super.createDatabase(prefix);
        created.add(spec.databaseName());
        return spec;
    }

    /** Best effort: a failed drop leaves a uniquely named database behind, which harms no later run. */
    @Override
    public void close() {
        for (String database : created) {
            try {
                Databases.drop(admin, database);
            } catch (RuntimeException e) {
                System.err.println("[testkit] could not drop database " + database + ": " + e.getMessage());
            }
        }
        created.clear();
    }
}
