package dev.wholesale.provisioning.worker.observability;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import org.springframework.boot.logging.logback.WhitespaceThrowableProxyConverter;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.MDCConverter;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.RootCauseFirstThrowableProxyConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * The conversion words of the plain-text log format that print what a log call was given (the
 * message, the MDC, the exception), each masking what it prints with {@link PersonalDataMask}, as
 * {@link MaskingJsonLogFormat} does for the JSON format. logback-spring.xml registers them under
 * Logback's and Spring Boot's own names, so a pattern an operator sets is masked too.
 */
public final class MaskingConverters {

    private MaskingConverters() {
    }

    /** %m, %msg, %message. */
    public static class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return PersonalDataMask.mask(super.convert(event));
        }
    }

    /** %X, %mdc. */
    public static class Mdc extends MDCConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return PersonalDataMask.mask(super.convert(event));
        }
    }

    /** %ex, %exception, %throwable. */
    public static class PlainThrowable extends ThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy throwable) {
            return PersonalDataMask.mask(super.throwableProxyToString(throwable));
        }
    }

    /** %xEx, %xException, %xThrowable. */
    public static class ExtendedThrowable extends ExtendedThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy throwable) {
            return PersonalDataMask.mask(super.throwableProxyToString(throwable));
        }
    }

    /** %rEx, %rootException. */
    public static class RootCauseFirstThrowable extends RootCauseFirstThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy throwable) {
            return PersonalDataMask.mask(super.throwableProxyToString(throwable));
        }
    }

    /** Spring Boot's %wex. */
    public static class WhitespaceThrowable extends WhitespaceThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy throwable) {
            return PersonalDataMask.mask(super.throwableProxyToString(throwable));
        }
    }

    /** Spring Boot's %wEx, the exception word of its default patterns. */
    public static class ExtendedWhitespaceThrowable extends ExtendedWhitespaceThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy throwable) {
            return PersonalDataMask.mask(super.throwableProxyToString(throwable));
        }
    }
}
