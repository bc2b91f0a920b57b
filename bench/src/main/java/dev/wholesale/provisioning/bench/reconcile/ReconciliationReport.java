package dev.wholesale.provisioning.bench.reconcile;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What reconciliation counted and every anomaly it found, by kind. */
public final class ReconciliationReport {

    public enum Anomaly {
        LOST_RESULT, DUPLICATE_RESULT, DUPLICATE_EVENT_ID, DUPLICATE_DEAD_LETTER, UNANSWERED_DEAD_LETTER,
        ORDER_VIOLATION, DATABASE_MISMATCH, BILLING_MISMATCH, CROSS_PARTNER_LEAK, RESULT_NOT_KEYED_BY_CUSTOMER
    }

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<Anomaly, List<String>> anomalies = new LinkedHashMap<>();

    public void count(String what, long value) {
        counts.put(what, value);
    }

    void anomaly(Anomaly kind, String detail) {
        anomalies.computeIfAbsent(kind, k -> new ArrayList<>()).add(detail);
    }

    public boolean isClean() {
        return anomalies.isEmpty();
    }

    public Map<String, Long> counts() {
        return counts;
    }

    public Map<Anomaly, List<String>> anomalies() {
        return anomalies;
    }

    public void print(PrintStream out) {
        out.println("Reconciliation summary");
        counts.forEach((what, value) -> out.printf("  %-44s %,d%n", what, value));
        for (Anomaly kind : Anomaly.values()) {
            List<String> found = anomalies.getOrDefault(kind, List.of());
            out.printf("  %-44s %,d%n", kind.name().toLowerCase().replace('_', ' '), found.size());
            found.stream().limit(10).forEach(detail -> out.println("      " + detail));
        }
        out.println(isClean() ? "  RESULT: clean: nothing lost, nothing doubled, nothing out of order, nothing leaked"
                : "  RESULT: ANOMALIES FOUND");
    }
}
