package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;

/**
 * A trace's steps as a tree, in the order the timeline shows them: depth first, children under their parent,
 * siblings by start time then seq. Seq order alone would not do: OTLP numbers spans as they arrive, and
 * children usually arrive before their parents. A step whose parent is not stored (not arrived yet, or never
 * sent) shows at the top level; steps caught in a parent cycle, which only a broken client can produce, are
 * shown at the top level too, so no stored step is ever hidden. Built from the small {@link StepLink}s only,
 * never from the steps' text.
 *
 * <p>Every open panel of a tree trace holds one (in its view state, which the session keeps for several views),
 * so it is kept in primitive arrays indexed by the step's position in seq order: about 24 bytes a step, 5 MB for
 * a 200,000-step trace. Maps of boxed seqs took ten times that, and fifteen views of such a trace filled a
 * 768 MB heap (the views benchmark's tree case, BENCHMARKS.md).
 */
public final class StepTree implements Serializable {

    /** The steps' seqs, ascending: a step's position is its index here. */
    private final int[] seqs;
    /** Per position: the parent's position, or -1 at the top level. */
    private final int[] parent;
    private final int[] depth;
    /** Per position: how many rows its branch spans in {@link #order} (1 for a leaf). */
    private final int[] subtreeSize;
    /** Seqs in display order. */
    private final int[] order;
    /** Per position: its branch's totals, null for a leaf. */
    private final BranchTotals[] branches;

    public StepTree(List<StepLink> links) {
        StepLink[] bySeq = links.toArray(StepLink[]::new);
        Arrays.sort(bySeq, Comparator.comparingInt(StepLink::seq));
        int n = bySeq.length;
        seqs = new int[n];
        for (int p = 0; p < n; p++) {
            seqs[p] = bySeq[p].seq();
        }
        parent = new int[n];
        for (int p = 0; p < n; p++) {
            Integer ps = bySeq[p].parentSeq();
            int pp = ps == null ? -1 : Arrays.binarySearch(seqs, ps);
            parent[p] = pp < 0 || pp == p ? -1 : pp;
        }
        depth = new int[n];
        subtreeSize = new int[n];
        order = new int[n];
        branches = new BranchTotals[n];
        Layout layout = new Layout(bySeq);
        layout.walkAll();
        sumBranches(bySeq, layout.orderPos);
    }

    /** The depth-first walk: children grouped by parent in sibling order, then placed from the roots down. */
    private final class Layout {
        private final StepLink[] bySeq;
        /** Positions grouped by parent (roots first), siblings by start time then seq. */
        private final Integer[] grouped;
        /** Per parent position + 1 (0 for the roots): where its children start in {@link #grouped}. */
        private final int[] groupStart;
        private final boolean[] placed;
        private final int[] orderPos;
        private int next;

        Layout(StepLink[] bySeq) {
            this.bySeq = bySeq;
            int n = bySeq.length;
            grouped = new Integer[n];
            Arrays.setAll(grouped, p -> p);
            Arrays.sort(grouped, Comparator.<Integer>comparingInt(p -> parent[p])
                    .thenComparing(p -> bySeq[p].startedAt()).thenComparingInt(p -> seqs[p]));
            groupStart = new int[n + 2];
            for (int p = 0; p < n; p++) {
                groupStart[parent[p] + 2]++;
            }
            for (int g = 1; g < groupStart.length; g++) {
                groupStart[g] += groupStart[g - 1];
            }
            placed = new boolean[n];
            orderPos = new int[n];
        }

        void walkAll() {
            for (int i = groupStart[0]; i < groupStart[1]; i++) {
                walk(grouped[i], 0);
            }
            // What is left sits on a parent cycle: enter each cycle at its earliest step, as a top-level step.
            Integer[] left = Arrays.stream(grouped).filter(p -> !placed[p]).sorted(Comparator
                    .<Integer, java.time.Instant>comparing(p -> bySeq[p].startedAt()).thenComparingInt(p -> seqs[p]))
                    .toArray(Integer[]::new);
            for (int p : left) {
                if (!placed[p]) {
                    parent[p] = -1;
                    walk(p, 0);
                }
            }
        }

        /** Iterative (a deep tree must not overflow the stack): an explicit stack of positions and depths. */
        private void walk(int root, int rootDepth) {
            int[] stack = {root};
            int[] depths = {rootDepth};
            int top = 1;
            int[] open = new int[16];
            int opened = 0;
            while (top > 0) {
                top--;
                int p = stack[top];
                int d = depths[top];
                while (opened > 0 && depth[open[opened - 1]] >= d) {
                    close(open[--opened]);
                }
                if (placed[p]) {
                    continue;
                }
                placed[p] = true;
                depth[p] = d;
                open = ensure(open, opened + 1);
                open[opened++] = p;
                subtreeSize[p] = next;
                orderPos[next] = p;
                order[next++] = seqs[p];
                int from = groupStart[p + 1];
                int to = groupStart[p + 2];
                stack = ensure(stack, top + to - from);
                depths = ensure(depths, top + to - from);
                for (int i = to - 1; i >= from; i--) {
                    if (!placed[grouped[i]]) {
                        stack[top] = grouped[i];
                        depths[top++] = d + 1;
                    }
                }
            }
            while (opened > 0) {
                close(open[--opened]);
            }
        }

        /** A branch is done: its size is what was placed since it opened (its start was parked in the array). */
        private void close(int p) {
            subtreeSize[p] = next - subtreeSize[p];
        }
    }

    private static int[] ensure(int[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
    }

    /**
     * Branch totals of every step with children: the order is depth first, so walking it backwards meets every
     * child before its parent, and each step adds its branch into its parent's once.
     */
    private void sumBranches(StepLink[] bySeq, int[] orderPos) {
        int n = bySeq.length;
        long[] tokens = new long[n];
        int[] unpriced = new int[n];
        long[] first = new long[n];
        long[] last = new long[n];
        BigDecimal[] cost = new BigDecimal[n];
        Arrays.fill(first, Long.MAX_VALUE);
        Arrays.fill(last, Long.MIN_VALUE);
        for (int i = n - 1; i >= 0; i--) {
            int p = orderPos[i];
            StepLink l = bySeq[p];
            long start = l.startedAt().toEpochMilli();
            long end = start + (l.durationMs() == null ? 0 : l.durationMs());
            tokens[p] = Math.addExact(tokens[p], l.tokens());
            unpriced[p] += l.costUsd() == null ? 1 : 0;
            first[p] = Math.min(first[p], start);
            last[p] = Math.max(last[p], end);
            BigDecimal own = cost[p] == null ? BigDecimal.ZERO : cost[p];
            cost[p] = l.costUsd() == null ? own : own.add(l.costUsd());
            if (subtreeSize[p] > 1) {
                branches[p] = new BranchTotals(tokens[p], cost[p], unpriced[p], last[p] - first[p]);
            }
            int up = parent[p];
            if (up >= 0) {
                tokens[up] = Math.addExact(tokens[up], tokens[p]);
                unpriced[up] += unpriced[p];
                first[up] = Math.min(first[up], first[p]);
                last[up] = Math.max(last[up], last[p]);
                cost[up] = cost[up] == null ? cost[p] : cost[up].add(cost[p]);
            }
        }
    }

    private int position(int seq) {
        int p = Arrays.binarySearch(seqs, seq);
        return p < 0 ? -1 : p;
    }

    /** The totals of a step's branch (itself and everything under it); null for a step without children. */
    public BranchTotals branch(int seq) {
        int p = position(seq);
        return p < 0 ? null : branches[p];
    }

    /** The seqs shown, in order, with the descendants of the collapsed steps left out; no copy when none is. */
    public List<Integer> visible(Set<Integer> collapsed) {
        if (collapsed.isEmpty()) {
            return new SeqList(order, order.length);
        }
        int[] shown = new int[order.length];
        int count = 0;
        for (int i = 0; i < order.length; i++) {
            int seq = order[i];
            shown[count++] = seq;
            if (collapsed.contains(seq)) {
                i += subtreeSize[position(seq)] - 1;
            }
        }
        return new SeqList(shown, count);
    }

    public int depth(int seq) {
        int p = position(seq);
        return p < 0 ? 0 : depth[p];
    }

    public boolean hasChildren(int seq) {
        int p = position(seq);
        return p >= 0 && subtreeSize[p] > 1;
    }

    /** The steps above this one, nearest first: what must be expanded for it to show. */
    public List<Integer> ancestors(int seq) {
        int p = position(seq);
        int[] up = new int[p < 0 ? 0 : depth[p]];
        int count = 0;
        for (int a = p < 0 ? -1 : parent[p]; a >= 0 && count < up.length; a = parent[a]) {
            up[count++] = seqs[a];
        }
        return new SeqList(up, count);
    }

    public int size() {
        return order.length;
    }

    /** An unmodifiable list of seqs over an int array, so a 200,000-row order is not 200,000 boxed objects. */
    private static final class SeqList extends AbstractList<Integer> implements RandomAccess, Serializable {
        private final int[] seqs;
        private final int size;

        SeqList(int[] seqs, int size) {
            this.seqs = seqs;
            this.size = size;
        }

        @Override
        public Integer get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return seqs[index];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int indexOf(Object o) {
            if (o instanceof Integer seq) {
                for (int i = 0; i < size; i++) {
                    if (seqs[i] == seq) {
                        return i;
                    }
                }
            }
            return -1;
        }
    }
}
