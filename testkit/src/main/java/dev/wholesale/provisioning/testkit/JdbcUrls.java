package dev.wholesale.provisioning.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swaps the database in a PostgreSQL JDBC URL, keeping hosts and parameters, so a fresh database on an
 * external server is reached exactly like the admin database the user configured (same ssl settings,
 * same multi-host list).
 */
final class JdbcUrls {

    /** {@code jdbc:postgresql://hosts[/database][?params]} */
    private static final Pattern WITH_HOSTS = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$");
    /** {@code jdbc:postgresql:database[?params]} (host defaults to localhost) */
    private static final Pattern WITHOUT_HOSTS = Pattern.compile("^jdbc:postgresql:(?!//)([^?]*)(\\?.*)?$");

    private JdbcUrls() {
    }

    static String withDatabase(String jdbcUrl, String database) {
        Matcher hosts = WITH_HOSTS.matcher(jdbcUrl);
        if (hosts.matches()) {
            return hosts.group(1) + "/" + database + nullToEmpty(hosts.group(3));
        }
        Matcher bare = WITHOUT_HOSTS.matcher(jdbcUrl);
        if (bare.matches()) {
            return "jdbc:postgresql:" + database + nullToEmpty(bare.group(2));
        }
        throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
    }

    static String databaseName(String jdbcUrl) {
        Matcher hosts = WITH_HOSTS.matcher(jdbcUrl);
        if (hosts.matches()) {
            String path = hosts.group(2);
            return path == null || path.length() <= 1 ? "" : path.substring(1);
        }
        Matcher bare = WITHOUT_HOSTS.matcher(jdbcUrl);
        if (bare.matches()) {
            return bare.group(1);
        }
        throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
