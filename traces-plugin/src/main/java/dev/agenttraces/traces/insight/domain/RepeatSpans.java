package dev.agenttraces.traces.insight.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The seqs that loops already count as waste (their cycles after the first), merged into disjoint sorted
 * ranges, so the waste total can leave out redundant calls inside them without counting a step twice, in
 * O(log L) a call rather than a scan of every loop.
 */
final class RepeatSpans {

    private final int[] starts;
    private final int[] ends;

    RepeatSpans(List<ReasoningLoop> loops) {
        List<int[]> ranges = new ArrayList<>(loops.size());
        for (ReasoningLoop loop : loops) {
            ranges.add(new int[]{loop.repeatFromSeq(), loop.lastSeq()});
        }
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        List<int[]> merged = new ArrayList<>(ranges.size());
        for (int[] r : ranges) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new int[]{r[0], r[1]});
            }
        }
        starts = merged.stream().mapToInt(r -> r[0]).toArray();
        ends = merged.stream().mapToInt(r -> r[1]).toArray();
    }

    boolean contains(int seq) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] > seq) {
                hi = mid - 1;
            } else if (ends[mid] < seq) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
