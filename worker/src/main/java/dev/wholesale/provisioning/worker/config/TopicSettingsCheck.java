package dev.wholesale.provisioning.worker.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;

import dev.wholesale.provisioning.contracts.intake.IntakeLimits;
import dev.wholesale.provisioning.worker.outbox.PublishableSize;

/**
 * Reads the topic settings the worker depends on but does not own, once the topics exist (before
 * the listeners and the relay start) and every ten minutes after: the {@code max.message.bytes} of
 * the topics the relay publishes to, which results and dead letters are sized for; and whether the
 * request topics let a compression bomb through. A request topic stored compressed as the producer
 * sent it is checked by the broker on its compressed size only, so a record a few kilobytes on the
 * wire may expand to hundreds of megabytes in the worker's heap; stored uncompressed
 * ({@code compression.type=uncompressed}), the broker checks the expanded size. The worker creates
 * its own topics that way; for topics a platform team created it says so once at start-up.
 */
final class TopicSettingsCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicSettingsCheck.class);

    private final KafkaAdmin admin;
    private final PublishableSize publishable;
    private final WorkerProperties properties;
    private final IntakeLimits limits;
    private volatile boolean running;

    TopicSettingsCheck(KafkaAdmin admin, PublishableSize publishable, WorkerProperties properties, IntakeLimits limits) {
        this.admin = admin;
        this.publishable = publishable;
        this.properties = properties;
        this.limits = limits;
    }

    @Override
    public void start() {
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            publishable.refresh(client, properties.topics().published());
            warnAboutCompressionBombs(client);
        }
        running = true;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    public void refresh() {
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            publishable.refresh(client, properties.topics().published());
        }
    }

    private void warnAboutCompressionBombs(Admin client) {
        List<ConfigResource> topics = properties.topics().requests().stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<ConfigResource, Config> configs;
        try {
            configs = client.describeConfigs(topics).all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Could not read the settings of the request topics ({}); check them against infra/topics.md",
                    e.toString());
            return;
        }
        configs.forEach((topic, config) -> {
            String compression = value(config, TopicConfig.COMPRESSION_TYPE_CONFIG);
            String maxMessageBytes = value(config, TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (!"uncompressed".equals(compression)) {
                log.warn("Request topic {} has compression.type={}: the broker checks max.message.bytes ({}) on the"
                        + " compressed size only, so a record may expand far beyond the worker's limit of {} bytes in its"
                        + " heap. Set compression.type=uncompressed and max.message.bytes={} (infra/topics.md)",
                        topic.name(), compression, maxMessageBytes, limits.maxValueBytes(), limits.maxRecordBytes());
            }
        });
    }

    private static String value(Config config, String name) {
        ConfigEntry entry = config.get(name);
        return entry == null ? null : entry.value();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listeners and the relay, which size what they write by it. */
    @Override
    public int getPhase() {
        return 0;
    }
}
