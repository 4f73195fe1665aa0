package dev.agenttraces.traces.ingest.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a redactor's hints a text holds, in one pass over the text: each pattern runs its regex only on a text
 * that holds one of its hints ({@link RedactionPattern#hints}).
 *
 * <p>Why one pass: the defaults carry about twenty hints, and asking {@code String.contains} for each of them, on
 * each text field of every ingested step, was the largest single cost of redaction in a flight recording of the
 * ingest benchmark (BENCHMARKS.md). Here each character is looked up once in a table of the hints' first
 * characters, and only there is a hint compared. A redactor with more than 64 distinct hints, or a hint that does not
 * start with an ASCII character, keeps the per-pattern check ({@link #usable()} is false).
 */
final class HintScan {

    private final String[] hints;
    /** For each ASCII character, the bits of the hints that start with it. */
    private final long[] byFirst = new long[128];
    /** For each pattern, the bits of its hints; 0 for a pattern without hints, which runs on every text. */
    private final long[] patternHints;
    private final boolean usable;

    HintScan(List<RedactionPattern> patterns) {
        Map<String, Integer> index = new LinkedHashMap<>();
        patternHints = new long[patterns.size()];
        boolean ok = true;
        for (int p = 0; p < patterns.size(); p++) {
            for (String hint : patterns.get(p).hints()) {
                if (hint.isEmpty() || hint.charAt(0) >= 128) {
                    ok = false;
                    continue;
                }
                int bit = index.computeIfAbsent(hint, h -> index.size());
                if (bit >= 64) {
                    ok = false;
                    continue;
                }
                patternHints[p] |= 1L << bit;
            }
        }
        hints = index.keySet().toArray(String[]::new);
        for (int h = 0; h < Math.min(64, hints.length); h++) {
            byFirst[hints[h].charAt(0)] |= 1L << h;
        }
        usable = ok;
    }

    boolean usable() {
        return usable;
    }

    /** The bits of the hints {@code text} holds. */
    long found(String text) {
        long found = 0;
        long all = hints.length >= 64 ? -1L : (1L << hints.length) - 1;
        for (int i = 0, n = text.length(); i < n && found != all; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                long candidates = byFirst[c] & ~found;
                while (candidates != 0) {
                    int h = Long.numberOfTrailingZeros(candidates);
                    candidates &= candidates - 1;
                    if (text.startsWith(hints[h], i)) {
                        found |= 1L << h;
                    }
                }
            }
        }
        return found;
    }

    /** Whether pattern {@code p} must run on a text holding the hints {@code found}. */
    boolean runs(int p, long found) {
        return patternHints[p] == 0 || (patternHints[p] & found) != 0;
    }
}
