package dev.wholesale.provisioning.worker.security;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A one-node KRaft broker whose client listener requires SASL/PLAIN: users {@code worker} and
 * {@code client}, each with the password {@code <name>-secret}.
 */
final class SaslBroker implements AutoCloseable {

    static final String JAAS_TEMPLATE =
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\" password=\"%s\";";

    private final EmbeddedKafkaKraftBroker broker;

    SaslBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.ofEntries(
                Map.entry("listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("sasl.enabled.mechanisms", "PLAIN"),
                Map.entry("sasl.mechanism.inter.broker.protocol", "PLAIN"),
                Map.entry("listener.name.external.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required"
                                + " username=\"worker\" password=\"worker-secret\""
                                + " user_worker=\"worker-secret\" user_client=\"client-secret\";"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false")));
        broker.brokerListProperty("provisioning.test.sasl-broker");
        broker.afterPropertiesSet();
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    static String jaas(String user, String password) {
        return JAAS_TEMPLATE.formatted(user, password);
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
