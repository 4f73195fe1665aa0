package dev.agenttraces.traces.trace.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The write side of the trace store, as the ingest application needs it. Each {@link #inTransaction}
 * is one database transaction that commits before it returns, so whatever the API acknowledges
 * afterwards is durable; any exception rolls all of it back, so nothing of a refused request is
 * written. The implementation is the hot path of ingest (JDBC batches), hidden behind this port so
 * no application class sees a connection.
 */
public interface TraceStore {

    <T> T inTransaction(Function<Session, T> work);

    /** Whether an exception from {@link #inTransaction} was a unique-key violation (a concurrent insert). */
    boolean isDuplicateKey(RuntimeException e);

    /** Where a task sits: its board, and the agent it is assigned to (null when none). */
    record TaskPlacement(long boardId, Long assigneeAgentId) {
    }

    /**
     * Whether an exception from {@link #inTransaction} says the database is unavailable or busy for now (no
     * connection, a deadlock, a serialisation failure), so the same request may succeed when retried.
     */
    boolean isTransient(RuntimeException e);

    /** The agent's configured model and provider. */
    record AgentDefaults(String model, String provider) {
    }

    /** The operations of one transaction. */
    interface Session {

        Optional<TraceSummary> read(UUID id);

        /** Reads the trace and locks its row until the transaction ends, serialising its batches. */
        Optional<TraceSummary> lock(UUID id);

        Optional<TaskPlacement> taskPlacement(long taskId);

        Optional<AgentDefaults> agentDefaults(long agentId);

        void insertTrace(UUID id, long taskId, long agentId, String model, String provider, Instant startedAt);

        /** Content hashes of the steps already stored with a sequence in [from, to]. */
        Map<Integer, String> existingHashes(UUID traceId, int from, int to);

        void insertSteps(UUID traceId, java.util.List<PricedStep> steps);

        void addTotals(UUID traceId, TraceTotals totals);

        void finish(UUID traceId, FinishTrace finish, long durationMs);

        // --- OTLP spans: steps identified by (trace, span id) rather than by a client's seq

        /** The highest seq of the trace, or 0 when it has no step; new span steps are numbered after it. */
        int maxSeq(UUID traceId);

        /** The stored spans among these span ids (hex), by span id. */
        Map<String, StoredSpan> storedSpans(UUID traceId, java.util.Collection<String> spanIds);

        /**
         * What a stored span's steps (its first step at this seq and the secondary steps under it) hold of the
         * trace's totals, read before the span is replaced so the replacement can be checked against the rest.
         */
        TraceTotals spanTotals(UUID traceId, int firstSeq);

        /** Deletes a span's steps (its first step at this seq and the secondary steps under it) to replace them. */
        void deleteSpanSteps(UUID traceId, int firstSeq);

        /**
         * Gives the steps waiting for these parent spans (stored before their parent arrived, so without a
         * parent_seq) the seq of the parent's step, by parent span id.
         */
        void linkWaitingChildren(UUID traceId, Map<String, Integer> seqBySpanId);

        /** Sets the trace's fields from its root span. */
        void applyRoot(UUID traceId, TraceRoot root);

        /** Recomputes every total of the trace from its steps with SQL sums (after a replaced span). */
        void rebuildTotals(UUID traceId);
    }
}
