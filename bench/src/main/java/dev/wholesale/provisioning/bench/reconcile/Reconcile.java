package dev.wholesale.provisioning.bench.reconcile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.wholesale.provisioning.contracts.catalogue.Topics;

/**
 * Reconciliation on its own, against any deployment:
 * <pre>
 * java -cp bench.jar:... dev.wholesale.provisioning.bench.reconcile.Reconcile \
 *   --bootstrap-servers=kafka:9092 --jdbc-url=jdbc:postgresql://db/provisioning --jdbc-user=u --jdbc-password=p \
 *   [--kafka.security.protocol=SASL_SSL --kafka.sasl.mechanism=... (any client setting, prefixed kafka.)]
 *   [--template-requests=... --customer-requests=... --user-requests=... --results=...]
 * </pre>
 * Exits 0 when clean, 1 when it found anomalies.
 */
public final class Reconcile {

    private Reconcile() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        Properties kafka = new Properties();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair[0].startsWith("kafka.")) {
                kafka.put(pair[0].substring("kafka.".length()), pair.length > 1 ? pair[1] : "");
            } else {
                options.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        ReconciliationReport report = new Reconciliation(required(options, "bootstrap-servers"), kafka,
                required(options, "jdbc-url"), options.getOrDefault("jdbc-user", "provisioning"),
                options.getOrDefault("jdbc-password", ""),
                List.of(options.getOrDefault("template-requests", Topics.TEMPLATE_REQUESTS),
                        options.getOrDefault("customer-requests", Topics.CUSTOMER_REQUESTS),
                        options.getOrDefault("user-requests", Topics.USER_REQUESTS)),
                options.getOrDefault("results", Topics.RESULTS)).run();
        report.print(System.out);
        System.exit(report.isClean() ? 0 : 1);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "=... is required");
        }
        return value;
    }
}
