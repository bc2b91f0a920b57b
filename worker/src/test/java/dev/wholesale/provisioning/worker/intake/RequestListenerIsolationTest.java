package dev.wholesale.provisioning.worker.intake;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import dev.wholesale.provisioning.contracts.deadletter.DeadLetterReason;
import dev.wholesale.provisioning.contracts.intake.IntakeLimits;
import dev.wholesale.provisioning.contracts.intake.RecordDecoder;
import dev.wholesale.provisioning.contracts.validation.SchemaValidator;
import dev.wholesale.provisioning.worker.request.BatchApplier;
import dev.wholesale.provisioning.worker.request.BatchListener;
import dev.wholesale.provisioning.worker.request.Intake;
import dev.wholesale.provisioning.worker.request.RequestValidator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record that can never be applied must not stall its partition, and an outage must never cost
 * a record: the listener tells the two apart.
 */
class RequestListenerIsolationTest {

    private final BatchApplier applier = mock(BatchApplier.class);
    private final RequestListener listener = new RequestListener(new RecordDecoder(IntakeLimits.DEFAULTS),
            new RequestValidator(SchemaValidator.forRequests()), applier, mock(BatchListener.class));

    private final List<ConsumerRecord<byte[], byte[]>> batch = List.of(record(0), record(1), record(2));

    @Test
    void aRecordThatKeepsFailingIsSetAsideAfterThreeTriesAndTheOthersAreApplied() {
        doAnswer(call -> {
            List<Intake> intakes = call.getArgument(0);
            if (intakes.stream().anyMatch(intake -> intake.origin().offset() == 1)) {
                throw new IllegalStateException("a defect triggered by record 1");
            }
            return null;
        }).when(applier).apply(anyList());

        assertThatThrownBy(() -> listener.onBatch(batch)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> listener.onBatch(batch)).isInstanceOf(IllegalStateException.class);
        verify(applier, never()).quarantine(any(), any());

        listener.onBatch(batch);

        ArgumentCaptor<Intake> quarantined = ArgumentCaptor.forClass(Intake.class);
        verify(applier).quarantine(quarantined.capture(), any());
        assertThat(quarantined.getValue().origin().offset()).isEqualTo(1);
        ArgumentCaptor<List<Intake>> applied = ArgumentCaptor.forClass(List.class);
        verify(applier, org.mockito.Mockito.atLeast(1)).apply(applied.capture());
        assertThat(applied.getAllValues()).filteredOn(intakes -> intakes.size() == 1)
                .extracting(intakes -> intakes.get(0).origin().offset()).containsExactly(0L, 1L, 2L);
    }

    @Test
    void anOutageIsWaitedOutForeverAndNothingIsSetAside() {
        doAnswer(call -> {
            throw new CannotGetJdbcConnectionException("database unreachable");
        }).when(applier).apply(anyList());

        for (int attempt = 0; attempt < 10; attempt++) {
            assertThatThrownBy(() -> listener.onBatch(batch)).isInstanceOf(CannotGetJdbcConnectionException.class);
        }
        verify(applier, never()).quarantine(any(), any());
    }

    @Test
    void aLockNotGrantedInTimeIsWaitedOutAndNothingIsSetAside() {
        doAnswer(call -> {
            throw new CannotAcquireLockException("lock", new SQLException("canceling statement due to lock timeout", "55P03"));
        }).when(applier).apply(anyList());

        for (int attempt = 0; attempt < 10; attempt++) {
            assertThatThrownBy(() -> listener.onBatch(batch)).isInstanceOf(CannotAcquireLockException.class);
        }
        verify(applier, never()).quarantine(any(), any());
    }

    @Test
    void aRecordWhoseValidationOverflowsTheStackIsSetAsideAndTheBatchGoesOn() {
        RequestValidator overflowing = mock(RequestValidator.class);
        org.mockito.Mockito.when(overflowing.validate(any())).thenThrow(new StackOverflowError());
        RequestListener listener = new RequestListener(new RecordDecoder(IntakeLimits.DEFAULTS), overflowing, applier,
                mock(BatchListener.class));

        listener.onBatch(List.of(record(7)));

        ArgumentCaptor<List<Intake>> applied = ArgumentCaptor.forClass(List.class);
        verify(applier).apply(applied.capture());
        assertThat(applied.getValue()).singleElement().isInstanceOfSatisfying(Intake.Unreadable.class, unreadable ->
                assertThat(unreadable.record().reason()).isEqualTo(DeadLetterReason.PROCESSING_FAILED));
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset) {
        String event = """
                {"specversion":"1.0","id":"r-%d","source":"urn:test","type":"provisioning.customer.delete.v1",
                 "partnerid":"p","data":{"externalId":"c-%d"}}""".formatted(offset, offset);
        return new ConsumerRecord<>("customers", 0, offset, "p/c".getBytes(StandardCharsets.UTF_8),
                event.getBytes(StandardCharsets.UTF_8));
    }
}
