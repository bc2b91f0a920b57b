package dev.wholesale.provisioning.worker.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param concurrency          consumer threads per instance (each applies its own batches)
 * @param maxPollRecords       the most records one batch (one database transaction) holds
 * @param retryInitialInterval first pause before a failed batch is tried again
 * @param retryMaxInterval     the longest pause between tries; tries never stop
 * @param offsetCommitInterval how often consumed offsets are committed; zero commits after every
 *                             batch. Records applied but not yet committed when an instance dies
 *                             are delivered again and recognised as repeats: this trades broker
 *                             work at low load for repeated reads after a crash, never results
 * @param maxFetchSize         the most bytes one fetch brings (the consumer's {@code fetch.max.bytes}),
 *                             which bounds the memory a batch takes, whatever its record count
 */
@ConfigurationProperties("provisioning.listener")
public record ListenerProperties(int concurrency, int maxPollRecords, Duration retryInitialInterval,
                                 Duration retryMaxInterval, Duration offsetCommitInterval, DataSize maxFetchSize) {

    public ListenerProperties {
        concurrency = concurrency <= 0 ? 2 : concurrency;
        maxPollRecords = maxPollRecords <= 0 ? 500 : maxPollRecords;
        retryInitialInterval = retryInitialInterval == null ? Duration.ofMillis(500) : retryInitialInterval;
        retryMaxInterval = retryMaxInterval == null ? Duration.ofSeconds(30) : retryMaxInterval;
        offsetCommitInterval = offsetCommitInterval == null ? Duration.ofSeconds(1) : offsetCommitInterval;
        maxFetchSize = maxFetchSize == null ? DataSize.ofMegabytes(8) : maxFetchSize;
    }
}
