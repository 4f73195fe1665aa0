package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds reasoning loops as steps arrive, in constant memory per cycle length.
 *
 * <p>For every cycle length {@code p} up to the maximum, the tracker keeps the run of consecutive steps
 * that each match the step {@code p} earlier (same kind, same tool, near-identical text, see
 * {@link TextFingerprint}). A run of {@code r·p - p} matches is {@code r} repetitions of a {@code p}-step
 * cycle; it is a loop from {@code r} = the minimum repetitions on. Each step is compared with at most
 * {@code maxCycleLength} earlier ones, held in a ring buffer, so the work is linear in the trace and the
 * state does not depend on how the steps were batched: a loop across a page boundary is found like any other.
 *
 * <p>A loop of length {@code p} also repeats with every multiple of {@code p}; such a loop is dropped when a
 * loop with a dividing length covers its span. Loops of unrelated lengths may overlap (one cycle turning into
 * another, or a short loop inside a longer one's span): each is reported, they are different patterns.
 * The text of a tool call is its canonical arguments; of other steps, their content or output.
 */
final class LoopTracker {

    private final int minRepetitions;
    private final double threshold;
    private final int maxCycle;
    private final int ring;
    private final int[] seqs;
    private final StepKind[] kinds;
    private final String[] tools;
    private final String[] texts;
    /** Each ring slot's fingerprint, computed on first need: equal texts and other shapes never need one. */
    private final TextFingerprint[] fingerprints;
    private final BigDecimal[] costBefore;
    private final int[] runLength;
    private final long[] runStart;
    private final Span[] open;
    /** Closed loops per cycle length, each list in seq order (runs of one length follow each other). */
    private final List<List<ReasoningLoop>> closed = new ArrayList<>();
    private long position;
    /** The cost of the steps before position {@code accepted}, which is one past the step being looked at. */
    private BigDecimal cumulative = BigDecimal.ZERO;
    private long accepted;

    /** Where a run of matches began: the first cycle's first seq, its shape, and the cost before it and after it. */
    private record Span(int firstSeq, int repeatFromSeq, List<String> cycle, BigDecimal costBefore,
                        BigDecimal costBeforeRepeats) {
    }

    LoopTracker(InsightSettings settings) {
        this.minRepetitions = settings.minRepetitions();
        this.threshold = settings.similarityThreshold();
        this.maxCycle = settings.maxCycleLength();
        this.ring = maxCycle + 1;
        this.seqs = new int[ring];
        this.kinds = new StepKind[ring];
        this.tools = new String[ring];
        this.texts = new String[ring];
        this.fingerprints = new TextFingerprint[ring];
        this.costBefore = new BigDecimal[ring];
        this.runLength = new int[maxCycle + 1];
        this.runStart = new long[maxCycle + 1];
        this.open = new Span[maxCycle + 1];
        for (int p = 0; p <= maxCycle; p++) {
            closed.add(new ArrayList<>());
        }
    }

    /** {@code comparableText} is a tool call's canonical arguments, or any other step's text. */
    void accept(InsightStep step, String comparableText) {
        int slot = slot(position);
        seqs[slot] = step.seq();
        kinds[slot] = step.kind();
        tools[slot] = step.toolName();
        texts[slot] = comparableText;
        fingerprints[slot] = null;
        costBefore[slot] = cumulative;
        cumulative = cumulative.add(step.costOrZero());
        accepted = position + 1;
        long reach = Math.min(maxCycle, position);
        for (int p = 1; p <= reach; p++) {
            if (matches(slot, slot(position - p))) {
                if (runLength[p] == 0) {
                    runStart[p] = position;
                    open[p] = new Span(seqs[slot(position - p)], step.seq(), shape(position - p, p),
                            costBefore[slot(position - p)], costBefore[slot]);
                }
                runLength[p]++;
            } else {
                ReasoningLoop loop = loopOf(p);
                if (loop != null) {
                    closed.get(p).add(loop);
                }
                runLength[p] = 0;
                open[p] = null;
            }
        }
        position++;
    }

    /** The loops so far, including those still running, ordered by first seq; O(L log L) in the loops found. */
    List<ReasoningLoop> loops() {
        List<List<ReasoningLoop>> byLength = new ArrayList<>(maxCycle + 1);
        for (int p = 0; p <= maxCycle; p++) {
            List<ReasoningLoop> loops = new ArrayList<>(closed.get(p));
            ReasoningLoop running = p == 0 || runLength[p] == 0 ? null : loopOf(p);
            if (running != null) {
                loops.add(running);
            }
            byLength.add(loops);
        }
        List<ReasoningLoop> kept = new ArrayList<>();
        for (int q = 1; q <= maxCycle; q++) {
            for (ReasoningLoop loop : byLength.get(q)) {
                if (!coveredByDivisor(loop, byLength)) {
                    kept.add(loop);
                }
            }
        }
        kept.sort(Comparator.comparingInt(ReasoningLoop::firstSeq).thenComparingInt(ReasoningLoop::cycleLength));
        return kept;
    }

    /**
     * Whether a loop of a length dividing this one's covers its span. Loops of one length hardly overlap, so
     * only the last one starting at or before this loop's start can cover it.
     */
    private static boolean coveredByDivisor(ReasoningLoop loop, List<List<ReasoningLoop>> byLength) {
        for (int d = 1; d < loop.cycleLength(); d++) {
            if (loop.cycleLength() % d != 0) {
                continue;
            }
            List<ReasoningLoop> shorter = byLength.get(d);
            int lo = 0;
            int hi = shorter.size() - 1;
            int candidate = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (shorter.get(mid).firstSeq() <= loop.firstSeq()) {
                    candidate = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (candidate >= 0 && shorter.get(candidate).lastSeq() >= loop.lastSeq()) {
                return true;
            }
        }
        return false;
    }

    /** The loop the current run of length {@code p} amounts to, or null when it has too few repetitions. */
    private ReasoningLoop loopOf(int p) {
        int repetitions = (runLength[p] + p) / p;
        if (repetitions < minRepetitions) {
            return null;
        }
        long first = runStart[p] - p;
        long last = first + (long) repetitions * p - 1;
        BigDecimal after = last + 1 == accepted ? cumulative : costBefore[slot(last + 1)];
        Span span = open[p];
        return new ReasoningLoop(span.firstSeq(), span.repeatFromSeq(), seqs[slot(last)], p, repetitions, span.cycle(),
                after.subtract(span.costBefore()), after.subtract(span.costBeforeRepeats()));
    }

    private boolean matches(int a, int b) {
        if (kinds[a] != kinds[b] || !Objects.equals(tools[a], tools[b])) {
            return false;
        }
        return Objects.equals(texts[a], texts[b]) || fingerprint(a).nearIdentical(fingerprint(b), threshold);
    }

    private TextFingerprint fingerprint(int slot) {
        TextFingerprint f = fingerprints[slot];
        if (f == null) {
            f = TextFingerprint.of(texts[slot]);
            fingerprints[slot] = f;
        }
        return f;
    }

    private List<String> shape(long from, int length) {
        List<String> labels = new ArrayList<>(length);
        for (long i = from; i < from + length; i++) {
            int s = slot(i);
            labels.add(tools[s] == null ? kinds[s].wireName() : kinds[s].wireName() + ":" + tools[s]);
        }
        return labels;
    }

    private int slot(long pos) {
        return (int) (pos % ring);
    }
}
