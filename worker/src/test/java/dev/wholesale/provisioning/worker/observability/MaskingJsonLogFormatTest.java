package dev.wholesale.provisioning.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MaskingJsonLogFormatTest {

    private final MaskingJsonLogFormat format = new MaskingJsonLogFormat();

    @Test
    void aLogLineIsJsonWithTheRequestContextAndNoEmailOrPhoneNumberInClear() {
        Logger logger = new LoggerContext().getLogger("test");
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.WARN,
                "could not add anna.hansen@fjord-bakery.dk with +45 32 12 34 56", null, null);
        event.setMDCPropertyMap(Map.of("partner", "partner-acme", "requestId", "r-1", "traceId", "0af7651916cd43dd8448eb211c80319c"));
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new DuplicateKeyException(
                "Key (email)=(anna.hansen@fjord-bakery.dk) already exists; Key (phone_number)=(+4532123456)")));

        String line = format.format(event);
        JsonNode json = JsonMapper.builder().build().readTree(line);

        assertThat(line).doesNotContain("anna.hansen").doesNotContain("32 12 34 56").doesNotContain("4532123456");
        assertThat(json.path("message").asString()).contains("***@fjord-bakery.dk").contains("+45***");
        assertThat(json.path("partner").asString()).isEqualTo("partner-acme");
        assertThat(json.path("requestId").asString()).isEqualTo("r-1");
        assertThat(json.path("traceId").asString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(json.path("level").asString()).isEqualTo("WARN");
        assertThat(json.path("error").path("type").asString()).endsWith("DuplicateKeyException");
        assertThat(json.path("error").path("message").asString()).contains("***@fjord-bakery.dk").contains("+45***");
    }

    @Test
    void textWithoutPersonalDataIsLeftAlone() {
        String text = "record provisioning.user-requests.v1-2@123456 dead-lettered: TOO_LARGE (2000000 bytes)";
        assertThat(PersonalDataMask.mask(text)).isEqualTo(text);
    }
}
