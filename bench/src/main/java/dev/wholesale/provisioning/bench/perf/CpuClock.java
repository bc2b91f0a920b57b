package dev.wholesale.provisioning.bench.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds used so far, read from /proc: by the whole machine, and by a process with its
 * children (PostgreSQL serves each connection from a child of the postmaster). Two readings
 * subtracted give who used the cores during a phase, which shows which server limits throughput.
 */
final class CpuClock {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private CpuClock() {
    }

    /** Busy CPU seconds of the machine: every state of /proc/stat's cpu line except idle and iowait. */
    static double machineBusySeconds() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            if (i != 4 && i != 5) { // idle, iowait
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy / TICKS_PER_SECOND;
    }

    /** CPU seconds (user + system) the process {@code pid} itself has used so far. */
    static double processSeconds(long pid) throws IOException {
        String[] fields = statFields(Path.of("/proc", Long.toString(pid)));
        if (fields == null) {
            throw new IOException("no process " + pid);
        }
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds of {@code pid}, its children alive now, and (through the parent's cutime and
     * cstime) its children that have exited.
     */
    static double processTreeSeconds(long pid) throws IOException {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                String[] fields = statFields(process);
                if (fields == null) {
                    continue; // exited while we looked
                }
                long self = Long.parseLong(process.getFileName().toString());
                long parent = Long.parseLong(fields[1]);
                if (self == pid) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                            + Long.parseLong(fields[14]);
                } else if (parent == pid) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** The fields after the command name: state is [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14]. */
    private static String[] statFields(Path process) {
        try {
            return Files.readString(process.resolve("stat")).replaceFirst("^.*\\) ", "").split(" ");
        } catch (IOException gone) {
            return null;
        }
    }
}
