package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.trace.domain.FinishTrace;
import dev.agenttraces.traces.trace.domain.PricedStep;
import dev.agenttraces.traces.trace.domain.StoredSpan;
import dev.agenttraces.traces.trace.domain.TokenCounts;
import dev.agenttraces.traces.trace.domain.TraceRoot;
import dev.agenttraces.traces.trace.domain.TraceStatus;
import dev.agenttraces.traces.trace.domain.TraceStore;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import dev.agenttraces.traces.trace.domain.TraceTotals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Just enough of a trace store for the ingest use cases: tasks by board and assignee, traces and their steps in
 * maps, totals kept as the JDBC store keeps them (added per batch, rebuilt after a replaced span).
 */
final class FakeTraceStore implements TraceStore, TraceStore.Session {

    final Map<UUID, TraceSummary> traces = new HashMap<>();
    final Map<UUID, List<PricedStep>> steps = new HashMap<>();
    private final Map<Long, TaskPlacement> tasks;

    FakeTraceStore(Map<Long, TaskPlacement> tasks) {
        this.tasks = Map.copyOf(tasks);
    }

    @Override public <T> T inTransaction(Function<Session, T> work) { return work.apply(this); }
    @Override public boolean isDuplicateKey(RuntimeException e) { return false; }
    @Override public boolean isTransient(RuntimeException e) { return false; }
    @Override public Optional<TraceSummary> read(UUID id) { return Optional.ofNullable(traces.get(id)); }
    @Override public Optional<TraceSummary> lock(UUID id) { return read(id); }
    @Override public Optional<TaskPlacement> taskPlacement(long taskId) { return Optional.ofNullable(tasks.get(taskId)); }
    @Override public Optional<AgentDefaults> agentDefaults(long agentId) { return Optional.of(new AgentDefaults("m", "p")); }
    @Override public Map<Integer, String> existingHashes(UUID traceId, int from, int to) { return new HashMap<>(); }
    @Override public void finish(UUID traceId, FinishTrace finish, long durationMs) { }
    @Override public void linkWaitingChildren(UUID traceId, Map<String, Integer> seqBySpanId) { }
    @Override public void applyRoot(UUID traceId, TraceRoot root) { }

    @Override
    public void insertTrace(UUID id, long taskId, long agentId, String model, String provider, Instant startedAt) {
        traces.put(id, new TraceSummary(id, taskId, "t", agentId, "a", "m", TraceStatus.RUNNING, model, provider,
                startedAt, null, null, null, 0, 0, TokenCounts.NONE, BigDecimal.ZERO, 0));
    }

    @Override
    public void insertSteps(UUID traceId, List<PricedStep> batch) {
        steps.computeIfAbsent(traceId, k -> new ArrayList<>()).addAll(batch);
    }

    @Override
    public void addTotals(UUID traceId, TraceTotals add) {
        TraceSummary t = traces.get(traceId);
        setTotals(traceId, t.tokens().plus(add.tokens()), t.costUsd().add(add.cost()));
    }

    @Override
    public int maxSeq(UUID traceId) {
        return stepsOf(traceId).stream().mapToInt(p -> p.step().seq()).max().orElse(0);
    }

    @Override
    public Map<String, StoredSpan> storedSpans(UUID traceId, Collection<String> spanIds) {
        Map<String, StoredSpan> found = new HashMap<>();
        for (PricedStep p : stepsOf(traceId)) {
            if (p.step().spanId() != null && spanIds.contains(p.step().spanId())) {
                found.put(p.step().spanId(), new StoredSpan(p.step().seq(), p.hash(), p.step().type()));
            }
        }
        return found;
    }

    @Override
    public TraceTotals spanTotals(UUID traceId, int firstSeq) {
        return TraceTotals.of(stepsOf(traceId).stream().filter(ofSpan(firstSeq)).toList(), BigDecimal.ZERO);
    }

    @Override
    public void deleteSpanSteps(UUID traceId, int firstSeq) {
        stepsOf(traceId).removeIf(ofSpan(firstSeq));
    }

    @Override
    public void rebuildTotals(UUID traceId) {
        TraceTotals all = TraceTotals.of(stepsOf(traceId), BigDecimal.ZERO);
        setTotals(traceId, all.tokens(), all.cost());
    }

    private List<PricedStep> stepsOf(UUID traceId) {
        return steps.computeIfAbsent(traceId, k -> new ArrayList<>());
    }

    private static Predicate<PricedStep> ofSpan(int firstSeq) {
        return p -> p.step().seq() == firstSeq || p.step().spanId() == null && p.step().parentSeq() != null
                && p.step().parentSeq() == firstSeq;
    }

    private void setTotals(UUID traceId, TokenCounts tokens, BigDecimal cost) {
        TraceSummary t = traces.get(traceId);
        traces.put(traceId, new TraceSummary(t.id(), t.taskId(), t.taskTitle(), t.agentId(), t.agentName(),
                t.agentModel(), t.status(), t.model(), t.provider(), t.startedAt(), t.completedAt(), t.durationMs(),
                t.errorMessage(), stepsOf(traceId).size(), t.errorCount(), tokens, cost, t.unpricedSteps()));
    }
}
