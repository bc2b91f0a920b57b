package dev.wholesale.provisioning.worker.observability;

import java.time.Instant;
import java.util.Map;

import org.springframework.boot.logging.structured.StructuredLogFormatter;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON object per log line, with the request context (partner, request id and type, trace id)
 * from the MDC as fields of their own, and e-mail addresses and phone numbers masked in the message
 * and the stack trace. Selected with {@code logging.structured.format.console}.
 */
public class MaskingJsonLogFormat implements StructuredLogFormatter<ILoggingEvent> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String format(ILoggingEvent event) {
        ObjectNode line = JSON.createObjectNode()
                .put("@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString())
                .put("level", event.getLevel().toString())
                .put("logger", event.getLoggerName())
                .put("thread", event.getThreadName())
                .put("message", PersonalDataMask.mask(event.getFormattedMessage()));
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            line.put(entry.getKey(), PersonalDataMask.mask(entry.getValue()));
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            line.putObject("error")
                    .put("type", error.getClassName())
                    .put("message", PersonalDataMask.mask(error.getMessage()))
                    .put("stack", PersonalDataMask.mask(ThrowableProxyUtil.asString(error)));
        }
        return JSON.writeValueAsString(line) + "\n";
    }
}
