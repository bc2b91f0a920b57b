package dev.wholesale.provisioning.testkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Naming and JDBC URL helpers; pure functions, no servers. */
class NamesAndUrlsTest {

    @Test
    void uniqueNamesKeepThePrefixAndDiffer() {
        String first = Names.unique("orders");
        String second = Names.unique("orders");

        assertThat(first).matches("orders-[a-z0-9]{8}");
        assertThat(first).isNotEqualTo(second);
        assertThat(Names.unique(null)).matches("test-[a-z0-9]{8}");
    }

    @Test
    void databaseNamesAreSafeIdentifiers() {
        assertThat(Names.uniqueDatabase("OrderIntakeIT")).matches("orderintakeit_[a-z0-9]{8}");
        assertThat(Names.uniqueDatabase("my-test.class")).matches("my_test_class_[a-z0-9]{8}");
        assertThat(Names.uniqueDatabase("42things")).matches("db_42things_[a-z0-9]{8}");
        assertThat(Names.uniqueDatabase("")).matches("db_[a-z0-9]{8}");
        assertThat(Names.uniqueDatabase("--")).matches("db_[a-z0-9]{8}");
        assertThat(Names.uniqueDatabase("x".repeat(100))).hasSizeLessThanOrEqualTo(63);
    }

    @Test
    void swapsTheDatabaseKeepingHostsAndParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "t1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/t1");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db1:5432,db2:5432/app?sslmode=require&loggerLevel=OFF", "t1"))
                .isEqualTo("jdbc:postgresql://db1:5432,db2:5432/t1?sslmode=require&loggerLevel=OFF");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost", "t1")).isEqualTo("jdbc:postgresql://localhost/t1");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost?ssl=false", "t1"))
                .isEqualTo("jdbc:postgresql://localhost/t1?ssl=false");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql:app?ssl=false", "t1")).isEqualTo("jdbc:postgresql:t1?ssl=false");
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://localhost/app", "t1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheDatabaseName() {
        assertThat(JdbcUrls.databaseName("jdbc:postgresql://127.0.0.1:5432/postgres?x=y")).isEqualTo("postgres");
        assertThat(JdbcUrls.databaseName("jdbc:postgresql:app")).isEqualTo("app");
        assertThat(new DataSourceSpec("jdbc:postgresql://h/a", "u", "p").withDatabase("b").databaseName()).isEqualTo("b");
    }

    @Test
    void specHidesThePassword() {
        assertThat(new DataSourceSpec("jdbc:postgresql://h/a", "u", "secret").toString())
                .doesNotContain("secret")
                .contains("jdbc:postgresql://h/a");
    }
}
