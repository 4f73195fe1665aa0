package dev.agenttraces.traces.web;

import dev.agenttraces.traces.trace.application.TraceQueries;
import dev.agenttraces.traces.trace.domain.TraceFilter;
import dev.agenttraces.traces.trace.domain.TraceSort;

import dev.agenttraces.traces.trace.domain.TraceSummary;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.util.List;
import java.util.Map;

/** The agent tab's traces, paged and sorted in the database; the filters come from the page's filter bar. */
public class AgentTracesModel extends LazyDataModel<TraceSummary> {

    private final transient TraceQueries queries;
    private final long agentId;
    private final TraceFilter filter;

    public AgentTracesModel(TraceQueries queries, long agentId, TraceFilter filter) {
        this.queries = queries;
        this.agentId = agentId;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) queries.agentCount(agentId, filter);
    }

    @Override
    public List<TraceSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy == null ? null : sortBy.values().stream().findFirst().orElse(null);
        TraceSort key = sort == null ? TraceSort.STARTED_AT
                : TraceSort.fromWire(sort.getField()).orElse(TraceSort.STARTED_AT);
        boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
        return queries.agentRows(agentId, filter, key, ascending, first, pageSize);
    }

    @Override
    public String getRowKey(TraceSummary row) {
        return row.id().toString();
    }

    @Override
    public TraceSummary getRowData(String rowKey) {
        List<TraceSummary> page = getWrappedData();
        return page == null ? null : page.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
    }
}
