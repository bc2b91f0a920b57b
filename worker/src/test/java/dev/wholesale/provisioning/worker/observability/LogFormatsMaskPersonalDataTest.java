package dev.wholesale.provisioning.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whichever log format an operator chooses, e-mail addresses and phone numbers in messages, in the
 * MDC and in exceptions do not reach the log. Logging is set up by Spring Boot from the worker's
 * application.yml and logback-spring.xml, as when the worker starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogFormatsMaskPersonalDataTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogFormatsMaskPersonalDataTest.class);

    private Properties systemProperties;

    /** Spring Boot hands its logging settings to Logback as system properties, and never replaces one. */
    @BeforeEach
    void keepSystemProperties() {
        systemProperties = (Properties) System.getProperties().clone();
    }

    @AfterEach
    void restoreSystemProperties() {
        System.setProperties(systemProperties);
    }

    @Test
    void thePlainTextFormatAnOperatorChoosesMasksMessagesAndExceptions(CapturedOutput output) {
        logAnEmailAndAPhoneNumberWith("--logging.structured.format.console=");

        String line = lineOf(output.getOut());
        assertThat(line).doesNotStartWith("{").contains(" WARN ").contains(LogFormatsMaskPersonalDataTest.class.getSimpleName())
                .contains("could not add ***@fjord-bakery.dk with +45***");
        assertThat(output.getOut()).contains(DuplicateKeyException.class.getName() + ": Key (email)=(***@eksempel.dk)")
                .contains("Key (phone_number)=(+45***)").contains("\tat ");
        assertNothingPersonalIn(output.getOut());
    }

    @Test
    void theJsonFormatIsStillTheDefaultAndMasks(CapturedOutput output) {
        logAnEmailAndAPhoneNumberWith();

        JsonNode line = JsonMapper.builder().build().readTree(lineOf(output.getOut()));
        assertThat(line.path("message").asString()).isEqualTo("could not add ***@fjord-bakery.dk with +45***");
        assertThat(line.path("error").path("type").asString()).isEqualTo(DuplicateKeyException.class.getName());
        assertNothingPersonalIn(output.getOut());
    }

    @Test
    void aPlainTextLogFileIsMaskedToo(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("worker.log");

        logAnEmailAndAPhoneNumberWith("--logging.structured.format.console=", "--logging.file.name=" + file);

        String logged = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(lineOf(logged)).doesNotStartWith("{").contains("could not add ***@fjord-bakery.dk with +45***");
        assertNothingPersonalIn(logged);
    }

    private static void logAnEmailAndAPhoneNumberWith(String... arguments) {
        try (ConfigurableApplicationContext worker = new SpringApplicationBuilder(NothingButLogging.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(arguments)) {
            MDC.put("requestId", "re-sent-by-anna.hansen@fjord-bakery.dk");
            try {
                LOG.warn("could not add anna.hansen@fjord-bakery.dk with +45 32 12 34 56", new DuplicateKeyException(
                        "Key (email)=(j\u00f8rgen@eksempel.dk) already exists; Key (phone_number)=(+4532123456)",
                        new IllegalStateException("\"john doe\"@example.com, (555) 123-4567")));
            } finally {
                MDC.remove("requestId");
            }
        }
    }

    private static String lineOf(String logged) {
        return logged.lines().filter(line -> line.contains("could not add")).findFirst().orElseThrow();
    }

    private static void assertNothingPersonalIn(String logged) {
        assertThat(logged).doesNotContain("anna.hansen", "j\u00f8rgen", "john doe", "32 12 34 56", "4532123456", "123-4567");
    }

    @Configuration(proxyBeanMethods = false)
    static class NothingButLogging {
    }
}
