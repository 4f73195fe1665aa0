package dev.agenttraces.traces.web;

import dev.agenttraces.traces.trace.application.TraceQueries;

import dev.agenttraces.traces.trace.infrastructure.JpaTraceRepository;
import dev.agenttraces.traces.trace.domain.StepFilter;
import dev.agenttraces.traces.trace.domain.StepRow;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A trace's timeline, one page at a time. Paging forward remembers where each page ended, so the
 * next page is read as a (trace_id, seq) key range rather than an ever larger offset: scrolling
 * through a 200,000-step trace stays as fast at the end as at the start.
 */
public class StepsModel extends LazyDataModel<StepRow> {

    private final TraceQueries.TraceSteps steps;
    private final StepFilter filter;
    /** Row index of a page's first row → the seq of the row just before it. */
    private final Map<Integer, Integer> seqBefore = new HashMap<>();

    /** The trace's maintained step count, used instead of counting when nothing is filtered. */
    private final int stepCount;

    public StepsModel(TraceQueries.TraceSteps steps, int stepCount, StepFilter filter) {
        this.steps = steps;
        this.stepCount = stepCount;
        this.filter = filter;
    }

    /** Unfiltered, the trace's own total answers: counting 200,000 rows on every page view would not. */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return filter.isEmpty() ? stepCount : (int) steps.count(filter);
    }

    @Override
    public List<StepRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        List<StepRow> rows = first == 0
                ? steps.page(filter, null, 0, pageSize)
                : steps.page(filter, seqBefore.get(first), first, pageSize);
        if (!rows.isEmpty()) {
            seqBefore.put(first + rows.size(), rows.get(rows.size() - 1).seq());
        }
        return rows;
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
