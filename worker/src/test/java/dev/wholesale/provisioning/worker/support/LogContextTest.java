package dev.wholesale.provisioning.worker.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import dev.wholesale.provisioning.contracts.intake.RequestIdentity;

/** Log lines carry the request they are about, also for a request applied while another one is. */
class LogContextTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void anInnerContextNamesItsOwnRequestAndGivesTheOuterOneBack() {
        try (LogContext create = LogContext.of(new RequestIdentity("p", "create-1", "provisioning.customer.create.v1"),
                TRACEPARENT)) {
            try (LogContext released = LogContext.of(new RequestIdentity("p", "users-1", "provisioning.users.add.v1"),
                    null)) {
                assertThat(MDC.get("requestId")).isEqualTo("users-1");
                assertThat(MDC.get("requestType")).isEqualTo("provisioning.users.add.v1");
                assertThat(MDC.get("traceId")).as("not the outer request's trace").isNull();
            }
            assertThat(MDC.get("requestId")).isEqualTo("create-1");
            assertThat(MDC.get("requestType")).isEqualTo("provisioning.customer.create.v1");
            assertThat(MDC.get("traceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
        assertThat(MDC.get("requestId")).isNull();
        assertThat(MDC.get("partner")).isNull();
        assertThat(MDC.get("traceId")).isNull();
    }
}
