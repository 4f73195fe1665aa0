package dev.agenttraces.traces.trace.application;

import dev.agenttraces.traces.access.application.ViewerAccess;
import dev.agenttraces.traces.access.domain.BoardScope;
import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.trace.domain.StepDetail;
import dev.agenttraces.traces.trace.domain.StepFilter;
import dev.agenttraces.traces.trace.domain.StepRecord;
import dev.agenttraces.traces.trace.domain.StepRow;
import dev.agenttraces.traces.trace.domain.StepTree;
import dev.agenttraces.traces.trace.domain.TaskRef;
import dev.agenttraces.traces.trace.domain.TraceFilter;
import dev.agenttraces.traces.trace.domain.TracePage;
import dev.agenttraces.traces.trace.domain.TraceRepository;
import dev.agenttraces.traces.trace.domain.TraceSort;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import dev.agenttraces.traces.trace.domain.TraceVersion;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read side of traces, for the REST API and the views alike, always through the viewer's board
 * scope. The API's methods report a trace or task the reader may not see as absent (404), never as
 * forbidden, so its existence does not leak; the views' methods answer empty for the same reason.
 */
@RequestScoped
public class TraceQueries {

    /** Largest page the API serves. */
    public static final int MAX_PAGE = 1000;

    @Inject
    ViewerAccess access;

    @Inject
    TraceRepository traces;

    @Inject
    StepTrees trees;

    public record TraceExport(TraceSummary trace, List<StepRecord> steps, int offset, int limit) {
    }

    // --- API: 401 without a viewer, 404 for what the viewer may not see

    public TraceExport export(UUID id, int offset, int limit) {
        checkPage(offset, limit);
        TraceSummary trace = traces.trace(id, access.apiScope())
                .orElseThrow(() -> Rejection.notFound("There is no trace " + id + "."));
        return new TraceExport(trace, traces.stepRecords(id, offset, limit), offset, limit);
    }

    public List<TraceSummary> taskTraces(long taskId) {
        BoardScope scope = access.apiScope();
        traces.task(taskId, scope).orElseThrow(() -> Rejection.notFound("There is no task " + taskId + "."));
        return traces.tracesOfTask(taskId, scope);
    }

    public TracePage agentTraces(long agentId, TraceFilter filter, TraceSort sort, boolean ascending,
                                 int offset, int limit) {
        checkPage(offset, limit);
        BoardScope scope = access.apiScope();
        requireAgent(agentId);
        return page(agentId, scope, filter, sort, ascending, offset, limit);
    }

    /** 404 unless the agent exists; agents are not board-scoped, so their existence is no secret. */
    public void requireAgent(long agentId) {
        if (!traces.agentExists(agentId)) {
            throw Rejection.notFound("There is no agent " + agentId + ".");
        }
    }

    // --- views: empty answers for whatever the viewer may not see

    public Optional<TaskRef> task(long taskId) {
        return task(taskId, access.scope());
    }

    /** The task as {@code scope} sees it, for a caller with a viewer of its own (the live socket's handshake). */
    public Optional<TaskRef> task(long taskId, BoardScope scope) {
        return traces.task(taskId, scope);
    }

    public List<TraceSummary> tracesOfTask(long taskId) {
        return traces.tracesOfTask(taskId, access.scope());
    }

    public Optional<TraceSummary> trace(UUID id) {
        return id == null ? Optional.empty() : traces.trace(id, access.scope());
    }

    public List<TraceSummary> agentRows(long agentId, TraceFilter filter, TraceSort sort, boolean ascending,
                                        int offset, int limit) {
        return traces.tracesOfAgent(agentId, access.scope(), filter, sort, ascending, offset, limit);
    }

    public long agentCount(long agentId, TraceFilter filter) {
        return traces.countTracesOfAgent(agentId, access.scope(), filter);
    }

    /** Reads of one trace's steps; the caller got the trace id from {@link #trace} or a list, so it is visible. */
    public TraceSteps steps(UUID traceId) {
        return new TraceSteps(traces, traceId, null, null);
    }

    /** As {@link #steps(UUID)}, with the trace's tree shared by every view of this version of the trace. */
    public TraceSteps steps(TraceSummary trace) {
        return new TraceSteps(traces, trace.id(), trees, TraceVersion.of(trace));
    }

    private TracePage page(long agentId, BoardScope scope, TraceFilter filter, TraceSort sort, boolean ascending,
                           int offset, int limit) {
        List<TraceSummary> items = traces.tracesOfAgent(agentId, scope, filter, sort, ascending, offset, limit);
        return new TracePage(items, traces.countTracesOfAgent(agentId, scope, filter), offset, limit, next(items, sort, limit));
    }

    /**
     * A page of an agent's traces after {@code after} (a key from an earlier page's {@link TracePage#next}): its
     * cost does not grow with how deep into the list it is, as an offset page's does.
     */
    public TracePage agentTracesAfter(long agentId, TraceFilter filter, TraceSort sort, boolean ascending,
                                      dev.agenttraces.traces.trace.domain.TraceKey after, int limit) {
        checkPage(0, limit);
        BoardScope scope = access.apiScope();
        requireAgent(agentId);
        List<TraceSummary> items = traces.tracesOfAgentAfter(agentId, scope, filter, sort, ascending, after, limit);
        return new TracePage(items, traces.countTracesOfAgent(agentId, scope, filter), null, limit, next(items, sort, limit));
    }

    /** Where the page after a full one resumes; a short page is the last. */
    private dev.agenttraces.traces.trace.domain.TraceKey next(List<TraceSummary> items, TraceSort sort, int limit) {
        return items.size() < limit ? null : traces.keyOf(items.get(items.size() - 1).id(), sort).orElse(null);
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw Rejection.invalid("offset", "offset cannot be negative.");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw Rejection.invalid("limit", "limit must be between 1 and " + MAX_PAGE + ".");
        }
    }

    /** The step reads of one visible trace, as the timeline pages them. */
    public record TraceSteps(TraceRepository traces, UUID traceId, StepTrees trees, TraceVersion version)
            implements java.io.Serializable {

        public long count(StepFilter filter) {
            return traces.countSteps(traceId, filter);
        }

        public List<StepRow> page(StepFilter filter, Integer afterSeq, int offset, int limit) {
            return traces.steps(traceId, filter, afterSeq, offset, limit);
        }

        /** The trace's step tree, or null for a flat trace (no step has a parent), which pages by key range. */
        public StepTree tree() {
            return version != null ? trees.of(traces, version) : StepTrees.read(traces, traceId);
        }

        public List<StepRow> rows(java.util.Collection<Integer> seqs) {
            return traces.stepsBySeq(traceId, seqs);
        }

        public long indexOf(StepFilter filter, int seq) {
            return traces.indexOf(traceId, filter, seq);
        }

        public Optional<Integer> nextError(int afterSeq) {
            return traces.nextError(traceId, afterSeq);
        }

        public int lastSeq() {
            return traces.lastSeq(traceId);
        }

        public Optional<Integer> mostExpensive() {
            return traces.mostExpensiveStep(traceId);
        }

        public Optional<StepDetail> detail(int seq, int outputLimit) {
            return traces.step(traceId, seq, outputLimit);
        }

        public Optional<String> fullOutput(int seq) {
            return traces.fullOutput(traceId, seq);
        }
    }
}
