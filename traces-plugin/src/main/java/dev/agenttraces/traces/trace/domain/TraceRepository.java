package dev.agenttraces.traces.trace.domain;

import dev.agenttraces.traces.access.domain.BoardScope;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read model of traces, for the REST API and the views alike. Every query that starts from a
 * task or trace takes the reader's {@link BoardScope}, so a trace on a board the reader may not see is
 * never returned. Steps are read a page at a time by (trace_id, seq), the primary key, so a 200,000-step
 * trace costs the same to open as a small one.
 */
public interface TraceRepository {

    Optional<TaskRef> task(long taskId, BoardScope scope);

    boolean agentExists(long agentId);

    /** The task's traces, retries included, newest first. */
    List<TraceSummary> tracesOfTask(long taskId, BoardScope scope);

    Optional<TraceSummary> trace(UUID id, BoardScope scope);

    List<TraceSummary> tracesOfAgent(long agentId, BoardScope scope, TraceFilter filter, TraceSort sort,
                                     boolean ascending, int offset, int limit);

    /**
     * The page of an agent's traces after {@code after} in the given order (by key value, then id in the same
     * direction), read from where the key starts in the index rather than by skipping rows.
     */
    List<TraceSummary> tracesOfAgentAfter(long agentId, BoardScope scope, TraceFilter filter, TraceSort sort,
                                          boolean ascending, TraceKey after, int limit);

    /** The sort key of one trace, to resume a keyset page after it; empty if there is no such trace. */
    java.util.Optional<TraceKey> keyOf(java.util.UUID traceId, TraceSort sort);

    long countTracesOfAgent(long agentId, BoardScope scope, TraceFilter filter);

    /** Steps with their full text, in order, for the export. */
    List<StepRecord> stepRecords(UUID trace, int offset, int limit);

    long countSteps(UUID trace, StepFilter filter);

    /**
     * A page of the timeline. With {@code afterSeq} the page is a key range (seq greater than it) that
     * the primary key index serves directly; without, it falls back to an offset.
     */
    List<StepRow> steps(UUID trace, StepFilter filter, Integer afterSeq, int offset, int limit);

    /** Whether any step of the trace has a parent, so the timeline shows a tree (read through an index). */
    boolean hasTree(UUID trace);

    /** Every step's place in the tree (seq, parent, start), small enough to hold for a whole trace. */
    List<StepLink> stepLinks(UUID trace);

    /** The timeline rows of these steps, in seq order (a tree page is a set of seqs, not a key range). */
    List<StepRow> stepsBySeq(UUID trace, java.util.Collection<Integer> seqs);

    /** How many steps (under the filter) come before this one: its row index in the timeline. */
    long indexOf(UUID trace, StepFilter filter, int seq);

    /** The first error after the given step, wrapping round to the first error of the trace. */
    Optional<Integer> nextError(UUID trace, int afterSeq);

    Optional<Integer> mostExpensiveStep(UUID trace);

    /** The trace's highest step seq, 0 without steps: where a live update's "new steps" begin. */
    int lastSeq(UUID trace);

    /** One step with its full text, except a tool output longer than {@code outputLimit} characters. */
    Optional<StepDetail> step(UUID trace, int seq, int outputLimit);

    /** The whole output of a tool result, for "show all". */
    Optional<String> fullOutput(UUID trace, int seq);
}
