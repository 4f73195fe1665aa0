package dev.agenttraces.traces.views;

import dev.agenttraces.traces.analysis.SpendQueries;
import dev.agenttraces.traces.analysis.SpendQueries.AgentTraceFilter;
import dev.agenttraces.traces.analysis.SpendQueries.AgentTraceRow;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The agent tab's traces, paged and sorted in the database; the filters come from the page's filter bar. */
public class AgentTracesModel extends LazyDataModel<AgentTraceRow> {

    private final transient SpendQueries queries;
    private final long agentId;
    private final Set<Long> boards;
    private final AgentTraceFilter filter;

    public AgentTracesModel(SpendQueries queries, long agentId, Set<Long> boards, AgentTraceFilter filter) {
        this.queries = queries;
        this.agentId = agentId;
        this.boards = boards;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) queries.countAgentTraces(agentId, boards, filter);
    }

    @Override
    public List<AgentTraceRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy == null ? null : sortBy.values().stream().findFirst().orElse(null);
        String field = sort == null ? "startedAt" : sort.getField();
        boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
        return queries.agentTraces(agentId, boards, filter, field, ascending, first, pageSize);
    }

    @Override
    public String getRowKey(AgentTraceRow row) {
        return row.id().toString();
    }

    @Override
    public AgentTraceRow getRowData(String rowKey) {
        List<AgentTraceRow> page = getWrappedData();
        return page == null ? null : page.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
    }
}
