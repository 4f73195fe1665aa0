package dev.agenttraces.traces.web;

import dev.agenttraces.traces.trace.application.TraceQueries;

import dev.agenttraces.traces.trace.domain.BranchTotals;
import dev.agenttraces.traces.trace.domain.StepFilter;
import dev.agenttraces.traces.trace.domain.StepRow;
import dev.agenttraces.traces.trace.domain.StepTree;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A trace's timeline, one page at a time. A flat trace pages forward by (trace_id, seq) key ranges,
 * remembering where each page ended rather than using an ever larger offset, so scrolling through a
 * 200,000-step trace stays as fast at the end as at the start. A trace whose steps form a tree (and no
 * filter is set) is shown depth first with its collapsed branches left out: the order comes from the
 * {@link StepTree}, built once per model from the steps' links only, and a page reads its rows by seq.
 * A filtered timeline is always flat: matches are listed in seq order, wherever they sit in the tree.
 */
public class StepsModel extends LazyDataModel<StepRow> {

    private final TraceQueries.TraceSteps steps;
    private final StepFilter filter;
    /** Row index of a page's first row → the seq of the row just before it. */
    private final Map<Integer, Integer> seqBefore = new HashMap<>();

    /** The trace's maintained step count, used instead of counting when nothing is filtered. */
    private final int stepCount;

    /** Whether the timeline is shown as a tree: an unfiltered trace whose steps form one. */
    private final boolean treeShaped;
    private final Set<Integer> collapsed;
    /**
     * The tree and its visible rows, null for a flat trace or a filtered timeline. Transient, as they hold a few
     * ints per step: the session that holds this model is replicated after every request (SCALE.md), and a
     * 200,000-step tree would travel with it each time. After a failover they are read again ({@link #tree()}: the
     * trees are kept per trace version on every server) and laid out from the panel's collapsed set.
     */
    private transient StepTree tree;
    private transient List<Integer> visible;

    public StepsModel(TraceQueries.TraceSteps steps, int stepCount, StepFilter filter, Set<Integer> collapsed) {
        this.steps = steps;
        this.stepCount = stepCount;
        this.filter = filter;
        this.collapsed = collapsed;
        this.tree = filter.isEmpty() ? steps.tree() : null;
        this.treeShaped = tree != null;
        this.visible = tree == null ? null : tree.visible(collapsed);
    }

    /** The tree, read again when this model came from another server; null for a flat timeline. */
    private StepTree tree() {
        if (tree == null && treeShaped) {
            tree = steps.tree();
            visible = tree.visible(collapsed);
        }
        return tree;
    }

    /** Unfiltered, the trace's own total answers: counting 200,000 rows on every page view would not. */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (tree() != null) {
            return visible.size();
        }
        return filter.isEmpty() ? stepCount : (int) steps.count(filter);
    }

    @Override
    public List<StepRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        if (tree() != null) {
            List<Integer> page = visible.subList(Math.min(first, visible.size()), Math.min(first + pageSize, visible.size()));
            Map<Integer, Integer> position = new HashMap<>();
            for (int i = 0; i < page.size(); i++) {
                position.put(page.get(i), i);
            }
            return steps.rows(page).stream().sorted(Comparator.comparingInt(r -> position.get(r.seq()))).toList();
        }
        List<StepRow> rows = first == 0
                ? steps.page(filter, null, 0, pageSize)
                : steps.page(filter, seqBefore.get(first), first, pageSize);
        if (!rows.isEmpty()) {
            seqBefore.put(first + rows.size(), rows.get(rows.size() - 1).seq());
        }
        return rows;
    }

    public boolean isTree() {
        return tree() != null;
    }

    /** How deep the step sits (0 at the top level, and always 0 in a flat timeline). */
    public int depth(int seq) {
        return tree() == null ? 0 : tree().depth(seq);
    }

    public boolean hasChildren(int seq) {
        return tree() != null && tree().hasChildren(seq);
    }

    /** The totals of a step's branch, null for a step without children or in a flat timeline. */
    public BranchTotals branch(int seq) {
        return tree() == null ? null : tree().branch(seq);
    }

    public boolean isCollapsed(int seq) {
        return collapsed.contains(seq);
    }

    /** Collapses or expands a branch (the set is the panel's, so it survives a refresh). */
    public void toggle(int seq) {
        if (tree() != null && tree().hasChildren(seq)) {
            if (!collapsed.remove(seq)) {
                collapsed.add(seq);
            }
            visible = tree().visible(collapsed);
        }
    }

    /**
     * The row index of a step, expanding the branches it is hidden in; for a flat timeline the query
     * counts the steps before it.
     */
    public long indexOf(int seq) {
        if (tree() == null) {
            return steps.indexOf(filter, seq);
        }
        if (tree().ancestors(seq).stream().anyMatch(collapsed::remove)) {
            visible = tree().visible(collapsed);
        }
        return Math.max(0, visible.indexOf(seq));
    }

    @Override
    public String getRowKey(StepRow row) {
        return String.valueOf(row.seq());
    }

    @Override
    public StepRow getRowData(String rowKey) {
        List<StepRow> page = getWrappedData();
        return page == null ? null : page.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
    }

    public UUID trace() {
        return steps.traceId();
    }
}
