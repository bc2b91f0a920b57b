package dev.wholesale.provisioning.bench.perf;

import java.io.IOException;

import tools.jackson.databind.node.ObjectNode;

/**
 * CPU used by the machine, the worker, PostgreSQL (with the backends it forks), Kafka and this
 * benchmark, which loads and watches them from the same machine: as
 * seconds so far ({@link Processes#read}), and, two readings subtracted and divided by the phase's length,
 * as cores busy during a phase, which shows which server limits it.
 */
record CoreUsage(double machine, double worker, double postgres, double kafka, double benchmark) {

    /** The processes a benchmark watches; this benchmark's own is always counted. */
    record Processes(long workerPid, long postmasterPid, long kafkaPid) {

        /** CPU seconds used so far. */
        CoreUsage read() throws IOException {
            return new CoreUsage(CpuClock.machineBusySeconds(), CpuClock.processSeconds(workerPid),
                    CpuClock.processTreeSeconds(postmasterPid), CpuClock.processTreeSeconds(kafkaPid),
                    CpuClock.processSeconds(ProcessHandle.current().pid()));
        }
    }

    /** Cores busy on average between {@code earlier} and this reading, {@code seconds} apart. */
    CoreUsage coresSince(CoreUsage earlier, double seconds) {
        return new CoreUsage((machine - earlier.machine) / seconds, (worker - earlier.worker) / seconds,
                (postgres - earlier.postgres) / seconds, (kafka - earlier.kafka) / seconds,
                (benchmark - earlier.benchmark) / seconds);
    }

    /** The operating system and anything else on the machine. */
    double rest() {
        return machine - worker - postgres - kafka - benchmark;
    }

    void putInto(ObjectNode figures) {
        figures.put("workerCpuCoresUsed", round(worker)).put("postgresCpuCoresUsed", round(postgres))
                .put("kafkaCpuCoresUsed", round(kafka)).put("benchmarkCpuCoresUsed", round(benchmark))
                .put("machineCpuCoresBusy", round(machine));
    }

    String describe() {
        return String.format("%.2f of the machine's %d; worker %.2f, PostgreSQL %.2f, Kafka %.2f, this benchmark %.2f,"
                + " the rest (the OS) %.2f", machine, Runtime.getRuntime().availableProcessors(),
                worker, postgres, kafka, benchmark, rest());
    }

    /** In a few words, for one second among many. */
    String brief() {
        return String.format("cores %.2f (worker %.2f, PostgreSQL %.2f, Kafka %.2f, benchmark %.2f)",
                machine, worker, postgres, kafka, benchmark);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
