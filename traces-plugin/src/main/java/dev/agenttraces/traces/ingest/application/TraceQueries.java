package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.domain.Spend;
import dev.agenttraces.traces.ingest.domain.StoredStep;
import dev.agenttraces.traces.ingest.domain.TaskCost;
import dev.agenttraces.traces.ingest.domain.TraceSummary;
import dev.agenttraces.traces.ingest.domain.Visibility;
import dev.agenttraces.traces.ingest.infrastructure.TraceReader;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The read side of the trace API, always through the reader's board visibility: a trace or task the
 * reader may not see is reported as absent (404), never as forbidden, so its existence does not leak.
 */
@RequestScoped
public class TraceQueries {

    /** Largest page the API serves. */
    public static final int MAX_PAGE = 1000;

    @Inject
    ReaderAccess access;

    @Inject
    TraceReader reader;

    public record TraceExport(TraceSummary trace, List<StoredStep> steps, int offset, int limit) {
    }

    public record Page(List<TraceSummary> items, long total, int offset, int limit) {
    }

    public TraceExport export(UUID id, int offset, int limit) {
        checkPage(offset, limit);
        TraceSummary trace = reader.trace(id, access.visibility())
                .orElseThrow(() -> Rejection.notFound("There is no trace " + id + "."));
        return new TraceExport(trace, reader.steps(id, offset, limit), offset, limit);
    }

    public List<TraceSummary> taskTraces(long taskId) {
        Visibility v = access.visibility();
        reader.visibleTaskBoard(taskId, v).orElseThrow(() -> Rejection.notFound("There is no task " + taskId + "."));
        return reader.taskTraces(taskId, v);
    }

    public Page agentTraces(long agentId, TraceReader.SortKey sort, boolean ascending, int offset, int limit) {
        checkPage(offset, limit);
        Visibility v = access.visibility();
        requireAgent(agentId);
        return new Page(reader.agentTraces(agentId, v, sort, ascending, offset, limit),
                reader.countAgentTraces(agentId, v), offset, limit);
    }

    public Spend spend(long agentId, Instant from, Instant to) {
        Visibility v = access.visibility();
        checkPeriod(from, to);
        requireAgent(agentId);
        return reader.spend(agentId, from, to, v);
    }

    public List<TaskCost> topTasks(Instant from, Instant to, int limit) {
        Visibility v = access.visibility();
        checkPeriod(from, to);
        if (limit < 1 || limit > MAX_PAGE) {
            throw Rejection.invalid("limit", "limit must be between 1 and " + MAX_PAGE + ".");
        }
        return reader.topTasks(from, to, limit, v);
    }

    private void requireAgent(long agentId) {
        if (!reader.agentExists(agentId)) {
            throw Rejection.notFound("There is no agent " + agentId + ".");
        }
    }

    private static void checkPeriod(Instant from, Instant to) {
        if (from == null) {
            throw Rejection.invalid("from", "from is required (an ISO-8601 instant).");
        }
        if (to == null) {
            throw Rejection.invalid("to", "to is required (an ISO-8601 instant).");
        }
        if (!to.isAfter(from)) {
            throw Rejection.invalid("to", "to must be after from.");
        }
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw Rejection.invalid("offset", "offset cannot be negative.");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw Rejection.invalid("limit", "limit must be between 1 and " + MAX_PAGE + ".");
        }
    }
}
