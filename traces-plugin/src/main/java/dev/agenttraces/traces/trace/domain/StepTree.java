package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trace's steps as a tree, in the order the timeline shows them: depth first, children under their parent,
 * siblings by start time then seq. Seq order alone would not do: OTLP numbers spans as they arrive, and
 * children usually arrive before their parents. A step whose parent is not stored (not arrived yet, or never
 * sent) shows at the top level; steps caught in a parent cycle, which only a broken client can produce, are
 * shown at the top level too, so no stored step is ever hidden. Built from the small {@link StepLink}s only,
 * never from the steps' text.
 */
public final class StepTree implements Serializable {

    private static final Comparator<StepLink> SIBLINGS = Comparator.comparing(StepLink::startedAt)
            .thenComparingInt(StepLink::seq);

    private final List<Integer> order = new ArrayList<>();
    private final Map<Integer, Integer> depth = new HashMap<>();
    private final Map<Integer, Integer> subtreeSize = new HashMap<>();
    private final Map<Integer, Integer> parent = new HashMap<>();
    private final Map<Integer, BranchTotals> branches = new HashMap<>();

    public StepTree(List<StepLink> links) {
        Map<Integer, StepLink> bySeq = new HashMap<>();
        links.forEach(l -> bySeq.put(l.seq(), l));
        Map<Integer, List<StepLink>> children = new HashMap<>();
        List<StepLink> roots = new ArrayList<>();
        for (StepLink l : links) {
            Integer p = l.parentSeq();
            if (p == null || p == l.seq() || !bySeq.containsKey(p)) {
                roots.add(l);
            } else {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(l);
                parent.put(l.seq(), p);
            }
        }
        children.values().forEach(c -> c.sort(SIBLINGS));
        roots.sort(SIBLINGS);
        Set<Integer> placed = new HashSet<>();
        walk(roots, children, placed);
        List<StepLink> cycles = links.stream().filter(l -> !placed.contains(l.seq())).sorted(SIBLINGS).toList();
        for (StepLink l : cycles) {
            if (!placed.contains(l.seq())) {
                parent.remove(l.seq());
                walk(List.of(l), children, placed);
            }
        }
        sumBranches(bySeq);
    }

    /**
     * Branch totals of every step with children: the tree's order is depth first, so walking it backwards
     * meets every child before its parent, and each step adds its branch into its parent's once.
     */
    private void sumBranches(Map<Integer, StepLink> bySeq) {
        Map<Integer, long[]> sums = new HashMap<>(); // tokens, unpriced, first start ms, last end ms
        Map<Integer, BigDecimal> costs = new HashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            int seq = order.get(i);
            StepLink l = bySeq.get(seq);
            long start = l.startedAt().toEpochMilli();
            long end = start + (l.durationMs() == null ? 0 : l.durationMs());
            long[] own = sums.computeIfAbsent(seq, k -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
            own[0] = Math.addExact(own[0], l.tokens());
            own[1] += l.costUsd() == null ? 1 : 0;
            own[2] = Math.min(own[2], start);
            own[3] = Math.max(own[3], end);
            BigDecimal cost = costs.getOrDefault(seq, BigDecimal.ZERO).add(l.costUsd() == null ? BigDecimal.ZERO : l.costUsd());
            if (hasChildren(seq)) {
                branches.put(seq, new BranchTotals(own[0], cost, (int) own[1], own[3] - own[2]));
            }
            Integer p = parent.get(seq);
            if (p != null) {
                long[] up = sums.computeIfAbsent(p, k -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
                up[0] = Math.addExact(up[0], own[0]);
                up[1] += own[1];
                up[2] = Math.min(up[2], own[2]);
                up[3] = Math.max(up[3], own[3]);
                costs.merge(p, cost, BigDecimal::add);
            }
        }
    }

    /** The totals of a step's branch (itself and everything under it); null for a step without children. */
    public BranchTotals branch(int seq) {
        return branches.get(seq);
    }

    /** Iterative depth-first walk (a deep tree must not overflow the stack), recording order, depth and sizes. */
    private void walk(List<StepLink> roots, Map<Integer, List<StepLink>> children, Set<Integer> placed) {
        record Frame(StepLink link, int depth, int start) {
        }
        ArrayList<Frame> open = new ArrayList<>();
        ArrayList<StepLink> stack = new ArrayList<>(roots.reversed());
        ArrayList<Integer> depths = new ArrayList<>(java.util.Collections.nCopies(roots.size(), 0));
        while (!stack.isEmpty()) {
            StepLink l = stack.removeLast();
            int d = depths.removeLast();
            while (!open.isEmpty() && open.getLast().depth() >= d) {
                Frame done = open.removeLast();
                subtreeSize.put(done.link().seq(), order.size() - done.start());
            }
            if (!placed.add(l.seq())) {
                continue;
            }
            depth.put(l.seq(), d);
            open.add(new Frame(l, d, order.size()));
            order.add(l.seq());
            List<StepLink> kids = children.getOrDefault(l.seq(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                if (!placed.contains(kids.get(i).seq())) {
                    stack.add(kids.get(i));
                    depths.add(d + 1);
                }
            }
        }
        while (!open.isEmpty()) {
            Frame done = open.removeLast();
            subtreeSize.put(done.link().seq(), order.size() - done.start());
        }
    }

    /** The seqs shown, in order, with the descendants of the collapsed steps left out. */
    public List<Integer> visible(Set<Integer> collapsed) {
        if (collapsed.isEmpty()) {
            return List.copyOf(order);
        }
        List<Integer> shown = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            int seq = order.get(i);
            shown.add(seq);
            if (collapsed.contains(seq)) {
                i += subtreeSize.get(seq) - 1;
            }
        }
        return shown;
    }

    public int depth(int seq) {
        return depth.getOrDefault(seq, 0);
    }

    public boolean hasChildren(int seq) {
        return subtreeSize.getOrDefault(seq, 1) > 1;
    }

    /** The steps above this one, nearest first: what must be expanded for it to show. */
    public List<Integer> ancestors(int seq) {
        List<Integer> up = new ArrayList<>();
        for (Integer p = parent.get(seq); p != null && !up.contains(p); p = parent.get(p)) {
            up.add(p);
        }
        return up;
    }

    public int size() {
        return order.size();
    }
}
