package dev.wholesale.provisioning.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.zaxxer.hikari.HikariDataSource;

/**
 * PostgreSQL explains a unique violation with the clashing value ("Key (email)=(...) already
 * exists"); pgjdbc puts that detail into the exception message, which reaches logs and dead
 * letters, unless it is told not to. The worker's configuration tells it, whatever URL an
 * operator gives.
 */
class ServerErrorDetailTest {

    private static final ServerErrorMessage UNIQUE_VIOLATION = new ServerErrorMessage("SERROR\0C23505\0"
            + "Mduplicate key value violates unique constraint \"subscriber_email_key\"\0"
            + "DKey (email)=(someone@example.com) already exists.\0");

    /** application.yml as the worker reads it, and the data source Spring Boot builds from it. */
    private final ApplicationContextRunner worker = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class));

    @Test
    void theDriverLeavesServerErrorDetailOutWithTheDefaultUrl() {
        worker.run(context -> assertThat(logsServerErrorDetail(context.getBean(HikariDataSource.class))).isFalse());
    }

    @Test
    void theDriverLeavesServerErrorDetailOutWithAnOperatorsOwnUrl() {
        worker.withPropertyValues("spring.datasource.url=jdbc:postgresql://db-1.internal:6432,db-2.internal:6432/"
                        + "provisioning?sslmode=require&targetServerType=primary&ApplicationName=worker")
                .run(context -> assertThat(logsServerErrorDetail(context.getBean(HikariDataSource.class))).isFalse());
    }

    @Test
    void withoutServerErrorDetailAUniqueViolationQuotesNoEmail() {
        assertThat(new PSQLException(UNIQUE_VIOLATION, true).getMessage()).contains("someone@example.com");
        assertThat(new PSQLException(UNIQUE_VIOLATION, false).getMessage())
                .contains("subscriber_email_key").doesNotContain("someone");
    }

    /** What pgjdbc will make of the URL and the properties Hikari hands it on every connect. */
    private static boolean logsServerErrorDetail(HikariDataSource dataSource) {
        Properties driverSees = Driver.parseURL(dataSource.getJdbcUrl(), dataSource.getDataSourceProperties());
        assertThat(driverSees).as("pgjdbc reads " + dataSource.getJdbcUrl()).isNotNull();
        return PGProperty.LOG_SERVER_ERROR_DETAIL.getBoolean(driverSees);
    }
}
