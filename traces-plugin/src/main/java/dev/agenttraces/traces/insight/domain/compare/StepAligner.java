package dev.agenttraces.traces.insight.domain.compare;

import dev.agenttraces.traces.insight.domain.CanonicalJson;
import dev.agenttraces.traces.insight.domain.InsightStep;
import dev.agenttraces.traces.insight.domain.StepKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The edit-distance alignment behind {@link TraceAlignment}: a Needleman–Wunsch dynamic programme over
 * the two step lists where pairing two steps of the same kind and tool costs 0 when their arguments, text
 * and model are equal and 1 when they differ, leaving a step unpaired costs 2, and steps of different
 * kinds or tools are never paired. So the alignment prefers pairing identical steps, then changed ones,
 * and a "changed" pair is never worth more than an insertion and a removal.
 *
 * <p>Common leading and trailing identical steps (two retries of a task usually share a start) are paired
 * first and stay out of the programme. The programme keeps two int rows and a 2-bit direction per cell
 * (5,000 × 5,000 steps: 6 MB); beyond {@link #MAX_CELLS} cells the middle is cut into proportional blocks
 * aligned one by one, which bounds memory at the price of optimality across block edges.
 */
final class StepAligner {

    static final long MAX_CELLS = 100_000_000L;

    private static final int INDEL = 2;
    private static final int CHANGE = 1;
    private static final int DIAG = 0;
    private static final int UP = 1;
    private static final int LEFT = 2;

    private final List<InsightStep> left;
    private final List<InsightStep> right;
    private final int[] leftSymbol;
    private final int[] rightSymbol;
    private final int[] leftContent;
    private final int[] rightContent;
    private final List<AlignedPair> pairs = new ArrayList<>();

    private StepAligner(List<InsightStep> left, List<InsightStep> right) {
        this.left = left;
        this.right = right;
        Map<String, Integer> symbols = new HashMap<>();
        this.leftSymbol = symbols(left, symbols);
        this.rightSymbol = symbols(right, symbols);
        Map<String, Integer> contents = new HashMap<>();
        this.leftContent = contents(left, contents);
        this.rightContent = contents(right, contents);
    }

    static List<AlignedPair> align(List<InsightStep> left, List<InsightStep> right) {
        return align(left, right, MAX_CELLS);
    }

    /** As {@link #align(List, List)}, with the cell bound as a parameter so tests can reach the block fallback. */
    static List<AlignedPair> align(List<InsightStep> left, List<InsightStep> right, long maxCells) {
        StepAligner aligner = new StepAligner(List.copyOf(left), List.copyOf(right));
        aligner.run(maxCells);
        return aligner.pairs;
    }

    private void run(long maxCells) {
        int n = left.size();
        int m = right.size();
        int prefix = 0;
        while (prefix < n && prefix < m && identical(prefix, prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && identical(n - 1 - suffix, m - 1 - suffix)) {
            suffix++;
        }
        for (int i = 0; i < prefix; i++) {
            pair(i, i);
        }
        int rows = n - prefix - suffix;
        int cols = m - prefix - suffix;
        int blocks = (int) Math.max(1, Math.ceil(Math.sqrt((double) rows * cols / maxCells)));
        for (int b = 0; b < blocks; b++) {
            alignBlock(prefix + rows * b / blocks, prefix + rows * (b + 1) / blocks,
                    prefix + cols * b / blocks, prefix + cols * (b + 1) / blocks);
        }
        for (int s = suffix; s > 0; s--) {
            pair(n - s, m - s);
        }
    }

    /** Aligns left[i0, i1) with right[j0, j1) and appends the pairs in order. */
    private void alignBlock(int i0, int i1, int j0, int j1) {
        int n = i1 - i0;
        int m = j1 - j0;
        byte[] dirs = new byte[(int) (((long) n * m + 3) / 4)];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j * INDEL;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i * INDEL;
            int symbol = leftSymbol[i0 + i - 1];
            int content = leftContent[i0 + i - 1];
            long row = (long) (i - 1) * m;
            for (int j = 1; j <= m; j++) {
                int best = prev[j] + INDEL;
                int dir = UP;
                int insert = cur[j - 1] + INDEL;
                if (insert < best) {
                    best = insert;
                    dir = LEFT;
                }
                if (rightSymbol[j0 + j - 1] == symbol) {
                    int diagonal = prev[j - 1] + (content == rightContent[j0 + j - 1] ? 0 : CHANGE);
                    if (diagonal <= best) {
                        best = diagonal;
                        dir = DIAG;
                    }
                }
                cur[j] = best;
                long cell = row + j - 1;
                dirs[(int) (cell >>> 2)] |= (byte) (dir << ((cell & 3) << 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        traceBack(dirs, i0, j0, n, m);
    }

    private void traceBack(byte[] dirs, int i0, int j0, int n, int m) {
        List<int[]> steps = new ArrayList<>(n + m);
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            int dir;
            if (i == 0) {
                dir = LEFT;
            } else if (j == 0) {
                dir = UP;
            } else {
                long cell = (long) (i - 1) * m + j - 1;
                dir = (dirs[(int) (cell >>> 2)] >>> ((cell & 3) << 1)) & 3;
            }
            switch (dir) {
                case DIAG -> steps.add(new int[]{i0 + --i, j0 + --j});
                case UP -> steps.add(new int[]{i0 + --i, -1});
                default -> steps.add(new int[]{-1, j0 + --j});
            }
        }
        for (int k = steps.size() - 1; k >= 0; k--) {
            int[] s = steps.get(k);
            pair(s[0], s[1]);
        }
    }

    private void pair(int i, int j) {
        if (i < 0) {
            pairs.add(new AlignedPair(PairStatus.INSERTED, null, right.get(j)));
        } else if (j < 0) {
            pairs.add(new AlignedPair(PairStatus.REMOVED, left.get(i), null));
        } else {
            pairs.add(new AlignedPair(identical(i, j) ? PairStatus.SAME : PairStatus.CHANGED, left.get(i), right.get(j)));
        }
    }

    private boolean identical(int i, int j) {
        return leftSymbol[i] == rightSymbol[j] && leftContent[i] == rightContent[j];
    }

    /** Kind and tool, as an id shared by both traces. */
    private static int[] symbols(List<InsightStep> steps, Map<String, Integer> symbols) {
        int[] out = new int[steps.size()];
        for (int i = 0; i < out.length; i++) {
            InsightStep s = steps.get(i);
            out[i] = symbols.computeIfAbsent(s.kind().name() + '\u0000' + Objects.toString(s.toolName(), ""),
                    k -> symbols.size());
        }
        return out;
    }

    /**
     * What makes two steps of the same kind and tool the same (canonical arguments, text and model), as an id
     * shared by both traces, so the programme compares ints and never re-reads long texts.
     */
    private static int[] contents(List<InsightStep> steps, Map<String, Integer> ids) {
        int[] out = new int[steps.size()];
        for (int i = 0; i < out.length; i++) {
            InsightStep s = steps.get(i);
            String args = s.kind() == StepKind.TOOL_CALL ? Objects.toString(CanonicalJson.canonicalise(s.toolInput()), "") : "";
            String content = args + '\u0000' + Objects.toString(s.text(), "") + '\u0000' + Objects.toString(s.model(), "");
            out[i] = ids.computeIfAbsent(content, k -> ids.size());
        }
        return out;
    }
}
