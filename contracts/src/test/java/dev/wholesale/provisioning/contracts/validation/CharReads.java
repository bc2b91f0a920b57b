package dev.wholesale.provisioning.contracts.validation;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How many characters a check reads from its input: counted rather than timed, so that linear and
 * quadratic work are told apart the same way on any machine. (The worker's tests have a copy:
 * modules do not share their tests.)
 */
final class CharReads {

    /** The JVM's default thread stack on 64-bit Linux, the stack a Kafka listener thread has. */
    static final long LISTENER_STACK_BYTES = 1024 * 1024;

    private CharReads() {
    }

    /** The characters {@code check} reads from {@code input}, however it reads them. */
    static long of(Predicate<CharSequence> check, String input) {
        Counting counting = new Counting(input);
        check.test(counting);
        return counting.reads;
    }

    /**
     * Runs {@code work} on a thread with a listener's stack, so that a matcher whose recursion grows
     * with its input overflows here as it would in the worker, whatever stack the test runner has.
     */
    static <T> T onListenerStack(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "listener-sized-stack", LISTENER_STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return result.get();
    }

    private static final class Counting implements CharSequence {

        private final String text;
        private long reads;

        Counting(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            // A check that takes a part and reads it elsewhere reads it all.
            reads += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            reads += text.length();
            return text;
        }
    }
}
