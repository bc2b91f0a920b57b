package dev.wholesale.provisioning.bench.perf;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The cores busy in each second of a phase, machine and servers: a slow second with the machine's
 * cores all busy is requests queueing for CPU; one with cores to spare is a wait on something else.
 */
final class CoresBySecond implements AutoCloseable {

    private final Map<Long, CoreUsage> bySecond = new ConcurrentSkipListMap<>();
    private final CoreUsage.Processes processes;
    private final Thread thread = new Thread(this::run, "cores-by-second");
    private volatile boolean running = true;

    CoresBySecond(CoreUsage.Processes processes) {
        this.processes = processes;
        thread.setDaemon(true);
    }

    /** Starts sampling; seconds count from now. */
    void start() {
        thread.start();
    }

    Map<Long, CoreUsage> bySecond() {
        return bySecond;
    }

    private void run() {
        try {
            long start = System.nanoTime();
            long previousAt = start;
            CoreUsage previous = processes.read();
            for (long second = 0; running; second++) {
                long due = start + (second + 1) * 1_000_000_000L;
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                long nowAt = System.nanoTime();
                CoreUsage now = processes.read();
                bySecond.put(second, now.coresSince(previous, (nowAt - previousAt) / 1e9));
                previous = now;
                previousAt = nowAt;
            }
        } catch (IOException e) {
            System.out.println("[benchmark] sampling the cores busy stopped: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
