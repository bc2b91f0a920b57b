package dev.wholesale.provisioning.worker.hostile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A string built to make a backtracking matcher work hard: a start that gets the matcher past its
 * first elements, one fragment repeated many times, and an end that makes the match fail only at
 * the last character. A pattern that can split the repeats in more than one way tries them all.
 * (A copy of the contracts module's test class: modules do not share their tests.)
 */
record Attack(String start, String fragment, String end) {

    /** The longest string the intake lets through (IntakeLimits.maxStringLength). */
    static final int LONGEST = 16_384;
    /** Reads growing by more than this when the input grows eightfold are not linear (quadratic is 64). */
    static final double MOST_LINEAR_GROWTH = 16;

    private static final List<String> FRAGMENTS = List.of("a", "a.", "a-", "a@", "0", "a/", "+1", "a_", "1 ",
            "00:", "a~", "~0", "a.a@", "\u00e5.", "a\"", "a.-_/+@0 ~");
    private static final List<String> ENDS = List.of("", "@", "@@", "!", " ", "\u0001", "\n", "#", "~");

    /**
     * Every fragment with every failing end, after each start: nothing, and every prefix of the
     * {@code samples} (values the check accepts) that ends just after a character other than a letter
     * or digit, so that the repeats begin in every part of the pattern, not only at its beginning.
     */
    static List<Attack> all(List<String> samples) {
        Set<String> starts = new LinkedHashSet<>();
        starts.add("");
        for (String sample : samples) {
            for (int i = 0; i < sample.length(); i++) {
                if (!Character.isLetterOrDigit(sample.charAt(i))) {
                    starts.add(sample.substring(0, i + 1));
                }
            }
            starts.add(sample);
        }
        List<Attack> attacks = new ArrayList<>();
        for (String start : starts) {
            for (String fragment : FRAGMENTS) {
                for (String end : ENDS) {
                    attacks.add(new Attack(start, fragment, end));
                }
            }
        }
        return attacks;
    }

    String ofLength(int length) {
        return start + fragment.repeat(Math.max(1, (length - start.length() - end.length()) / fragment.length())) + end;
    }

    /**
     * The attack whose reads grow most from {@link #LONGEST}/8 to {@link #LONGEST} characters, or the
     * first whose growth is not linear: one is enough, and each costs the square of 16,384 reads.
     */
    static Growth worst(Predicate<CharSequence> check, List<Attack> attacks) {
        return CharReads.onListenerStack(() -> {
            Growth worst = null;
            for (Attack attack : attacks) {
                Growth growth = attack.growthIn(check);
                if (worst == null || growth.factor() > worst.factor()) {
                    worst = growth;
                }
                if (!growth.isLinear()) {
                    break;
                }
            }
            return worst;
        });
    }

    private Growth growthIn(Predicate<CharSequence> check) {
        try {
            return new Growth(this, CharReads.of(check, ofLength(LONGEST / 8)), CharReads.of(check, ofLength(LONGEST)), false);
        } catch (StackOverflowError overflow) {
            return new Growth(this, -1, -1, true);
        }
    }

    /** What one attack cost at an eighth of the longest string and at the longest. */
    record Growth(Attack attack, long readsAtEighth, long readsAtLongest, boolean overflowsTheStack) {

        double factor() {
            return overflowsTheStack ? Double.POSITIVE_INFINITY : (double) readsAtLongest / Math.max(1, readsAtEighth);
        }

        boolean isLinear() {
            return factor() < MOST_LINEAR_GROWTH;
        }

        @Override
        public String toString() {
            String input = "\"" + attack.start + "\" + \"" + attack.fragment + "\" x n + \"" + attack.end + "\"";
            String cost = overflowsTheStack
                    ? "overflows a " + CharReads.LISTENER_STACK_BYTES / 1024 + " KiB stack at " + LONGEST + " characters"
                    : String.format("%d reads at %d characters, %d at %d: x%.1f", readsAtEighth, LONGEST / 8,
                            readsAtLongest, LONGEST, factor());
            return (input + ": " + cost).replace("\n", "\\n").replace("\u0001", "\\u0001");
        }
    }
}
