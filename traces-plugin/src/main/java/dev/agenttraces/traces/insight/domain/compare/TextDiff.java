package dev.agenttraces.traces.insight.domain.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A diff of two texts: by lines when either has several, else by words (whitespace kept as tokens, so the
 * chunks of a side concatenate back to its text). Myers' O((N+M)·D) algorithm finds a shortest edit script.
 *
 * <p>Bounded so a compare never stalls on a huge output: each side is cut at {@link #MAX_CHARS} characters
 * ({@link #truncated()} says so), and when the texts differ by more than {@link #MAX_EDITS} tokens the
 * diff gives up on detail and shows the left text removed and the right one added ({@link #coarse()}).
 *
 * @param chunks    runs of equal, removed and added text, in order
 * @param truncated a side was longer than {@link #MAX_CHARS} and only its start was compared
 * @param coarse    the edit distance passed {@link #MAX_EDITS}; the chunks are one removal and one addition
 */
public record TextDiff(List<DiffChunk> chunks, boolean truncated, boolean coarse) {

    public static final int MAX_CHARS = 20_000;
    public static final int MAX_EDITS = 1_000;

    public TextDiff {
        chunks = List.copyOf(chunks);
    }

    public static TextDiff of(String left, String right) {
        String a = left == null ? "" : left;
        String b = right == null ? "" : right;
        boolean truncated = a.length() > MAX_CHARS || b.length() > MAX_CHARS;
        a = a.substring(0, Math.min(a.length(), MAX_CHARS));
        b = b.substring(0, Math.min(b.length(), MAX_CHARS));
        boolean byLine = a.indexOf('\n') >= 0 || b.indexOf('\n') >= 0;
        List<String> ta = tokens(a, byLine);
        List<String> tb = tokens(b, byLine);
        Map<String, Integer> ids = new HashMap<>();
        int[] ia = ta.stream().mapToInt(t -> ids.computeIfAbsent(t, k -> ids.size())).toArray();
        int[] ib = tb.stream().mapToInt(t -> ids.computeIfAbsent(t, k -> ids.size())).toArray();
        Chunks out = new Chunks();
        if (!myers(ia, ib, ta, tb, out)) {
            Chunks coarse = new Chunks();
            coarse.add(DiffOp.REMOVED, a);
            coarse.add(DiffOp.ADDED, b);
            return new TextDiff(coarse.done(), truncated, true);
        }
        return new TextDiff(out.done(), truncated, false);
    }

    /** Whether both sides are the same (every chunk equal). */
    public boolean identical() {
        return chunks.stream().allMatch(c -> c.op() == DiffOp.EQUAL);
    }

    static List<String> tokens(String text, boolean byLine) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            boolean cut = i == text.length()
                    || (byLine ? text.charAt(i - 1) == '\n'
                    : Character.isWhitespace(text.charAt(i)) != Character.isWhitespace(text.charAt(i - 1)));
            if (cut && i > start) {
                tokens.add(text.substring(start, i));
                start = i;
            }
        }
        return tokens;
    }

    /** Writes the shortest edit script into {@code out}; false when it needs more than {@link #MAX_EDITS} edits. */
    private static boolean myers(int[] a, int[] b, List<String> ta, List<String> tb, Chunks out) {
        int n = a.length;
        int m = b.length;
        int max = Math.min(n + m, MAX_EDITS);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            trace.add(Arrays.copyOfRange(v, offset - d, offset + d + 1));
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[x] == b[y]) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    backtrack(trace, n, m, ta, tb, out);
                    return true;
                }
            }
        }
        return false;
    }

    /** Walks the saved frontiers back from the end, then emits the edit script front to back. */
    private static void backtrack(List<int[]> trace, int n, int m, List<String> ta, List<String> tb, Chunks out) {
        List<DiffChunk> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d > 0; d--) {
            int[] v = trace.get(d); // the frontier before step d, indexed by k + d
            int k = x - y;
            boolean down = k == -d || (k != d && v[k - 1 + d] < v[k + 1 + d]);
            int prevK = down ? k + 1 : k - 1;
            int prevX = v[prevK + d];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                reversed.add(new DiffChunk(DiffOp.EQUAL, ta.get(--x)));
                y--;
            }
            if (down) {
                reversed.add(new DiffChunk(DiffOp.ADDED, tb.get(--y)));
            } else {
                reversed.add(new DiffChunk(DiffOp.REMOVED, ta.get(--x)));
            }
        }
        while (x > 0 && y > 0) {
            reversed.add(new DiffChunk(DiffOp.EQUAL, ta.get(--x)));
            y--;
        }
        for (int i = reversed.size() - 1; i >= 0; i--) {
            out.add(reversed.get(i).op(), reversed.get(i).text());
        }
    }

    /** Merges consecutive tokens of the same op into one chunk. */
    private static final class Chunks {
        private final List<DiffChunk> list = new ArrayList<>();
        private final StringBuilder run = new StringBuilder();
        private DiffOp op;

        void add(DiffOp next, String text) {
            if (text.isEmpty()) {
                return;
            }
            if (next != op) {
                flush();
                op = next;
            }
            run.append(text);
        }

        List<DiffChunk> done() {
            flush();
            return list;
        }

        private void flush() {
            if (!run.isEmpty()) {
                list.add(new DiffChunk(op, run.toString()));
                run.setLength(0);
            }
        }
    }
}
