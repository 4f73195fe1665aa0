package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.pricing.domain.CostRule;
import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.trace.domain.TraceCapacity;
import dev.agenttraces.traces.trace.domain.TraceStore;
import dev.agenttraces.traces.trace.domain.TraceTotals;

import dev.agenttraces.traces.trace.domain.FinishTrace;
import dev.agenttraces.traces.ingest.domain.StartTrace;
import dev.agenttraces.traces.ingest.domain.StepBatch;
import dev.agenttraces.traces.ingest.domain.StepOutcome;
import dev.agenttraces.traces.ingest.domain.TokenScope;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import dev.agenttraces.traces.trace.domain.PricedStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ingest use cases: start a trace, append batches of steps, finish it. Each call is one
 * transaction that commits before the answer is sent; replays are recognised (same trace id, same step
 * sequence and content) and answered without writing anything.
 */
@ApplicationScoped
public class TraceIngest {

    @Inject
    IngestTransactions writes;

    /** The result of a start: the trace, and whether this call created it (or replayed an earlier start). */
    public record Started(TraceSummary trace, boolean created) {
    }

    public Started start(TokenScope scope, StartTrace request) {
        if (!scope.mayWriteFor(request.agentId())) {
            throw Rejection.forbidden("This ingest token may not write for agent " + request.agentId() + ".");
        }
        if (request.id() == null) {
            UUID id = UUID.randomUUID();
            return writes.inTransaction(tx -> startIn(tx, scope, id, request));
        }
        // A concurrent start with the same id may win the race: this one is then answered as a replay of it.
        return writes.inTransaction(tx -> startIn(tx, scope, request.id(), request),
                tx -> replay(tx, scope, request.id(), request));
    }

    private Started startIn(TraceStore.Session tx, TokenScope scope, UUID id, StartTrace request) {
        if (tx.read(id).isPresent()) {
            return replay(tx, scope, id, request);
        }
        TraceStore.TaskPlacement task = tx.taskPlacement(request.taskId())
                .filter(t -> scope.mayWriteOn(t.boardId()))
                .orElseThrow(() -> noSuchTask(request.taskId()));
        if (!scope.mayWriteOnTask(task.boardId(), task.assigneeAgentId(), request.agentId())) {
            throw Rejection.forbidden("This ingest token may only write on tasks assigned to agent "
                    + request.agentId() + ".");
        }
        TraceStore.AgentDefaults defaults = tx.agentDefaults(request.agentId())
                .orElseThrow(() -> Rejection.invalid("agentId", "There is no agent " + request.agentId() + "."));
        String model = request.model() != null ? request.model() : defaults.model();
        String provider = request.provider() != null ? request.provider() : defaults.provider();
        Instant startedAt = request.startedAt() != null ? request.startedAt() : Instant.now();
        tx.insertTrace(id, request.taskId(), request.agentId(), model, provider, startedAt);
        return new Started(tx.read(id).orElseThrow(), true);
    }

    /**
     * A start whose id exists: a replay when task and agent match and the token may write there. The
     * conflict names neither the existing trace's task nor its agent, which may be on a board the token
     * cannot see.
     */
    private Started replay(TraceStore.Session tx, TokenScope scope, UUID id, StartTrace request) {
        TraceSummary existing = tx.read(id).orElseThrow();
        if (existing.taskId() != request.taskId() || existing.agentId() != request.agentId()) {
            throw Rejection.conflict("id", "Trace " + id + " already exists for another task or agent; choose another id.");
        }
        checkScope(tx, scope, existing);
        return new Started(existing, false);
    }

    private static Rejection noSuchTask(long taskId) {
        // The same answer for a task that does not exist and one on a board the token may not write on.
        return Rejection.invalid("taskId", "There is no task " + taskId + " on the boards this ingest token may write on.");
    }

    /** Appends a batch; returns one outcome per item, in the order sent. */
    public List<StepOutcome> append(TokenScope scope, UUID traceId, StepBatch batch) {
        List<StepOutcome> outcomes = appendIn(scope, traceId, batch);
        if (outcomes.stream().anyMatch(o -> o.status() == StepOutcome.Status.CREATED)) {
            writes.stepsArrived(traceId); // after the commit: flags never hold up or fail the batch
        }
        return outcomes;
    }

    private List<StepOutcome> appendIn(TokenScope scope, UUID traceId, StepBatch batch) {
        return writes.inTransaction(tx -> {
            TraceSummary trace = lockWritable(tx, scope, traceId);
            StepOutcome[] outcomes = new StepOutcome[batch.items().size()];
            List<PricedStep> fresh = new ArrayList<>(outcomes.length);
            Map<Integer, String> stored = storedHashes(tx, traceId, batch);
            BatchPricing.Run priceRun = writes.pricing(trace);
            TraceCapacity capacity = new TraceCapacity(trace.tokens(), trace.costUsd());
            for (StepBatch.Item item : batch.items()) {
                int i = item.index();
                if (item.rejected() != null) {
                    outcomes[i] = item.rejected();
                    continue;
                }
                int seq = item.step().seq();
                String hash = item.step().contentHash();
                String previous = stored.putIfAbsent(seq, hash);
                if (previous == null) {
                    PricedStep priced = priceRun.price(item.step(), hash);
                    TraceCapacity.Overflow overflow = capacity.take(priced);
                    if (overflow != null) {
                        stored.remove(seq); // not stored: a later item may still take this seq
                        outcomes[i] = StepOutcome.error(i, seq, "steps[" + i + "]." + overflow.field(),
                                "refused: " + overflow.reason());
                        continue;
                    }
                    fresh.add(priced);
                    outcomes[i] = StepOutcome.created(i, seq);
                } else if (previous.equals(hash)) {
                    outcomes[i] = StepOutcome.duplicate(i, seq);
                } else {
                    outcomes[i] = StepOutcome.error(i, seq, "steps[" + i + "].seq", "conflict: step " + seq
                            + " is already stored with different content");
                }
            }
            tx.insertSteps(traceId, fresh);
            if (!fresh.isEmpty()) {
                tx.addTotals(traceId, TraceTotals.of(fresh, CostRule.zero()));
            }
            return List.of(outcomes);
        });
    }

    private static Map<Integer, String> storedHashes(TraceStore.Session tx, UUID traceId, StepBatch batch) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (StepBatch.Item item : batch.items()) {
            if (item.step() != null) {
                min = Math.min(min, item.step().seq());
                max = Math.max(max, item.step().seq());
            }
        }
        return min > max ? new java.util.HashMap<>() : tx.existingHashes(traceId, min, max);
    }

    public TraceSummary finish(TokenScope scope, UUID traceId, FinishTrace request) {
        if (!request.status().isFinished()) {
            throw Rejection.invalid("status", "A trace can only be finished as completed, failed or cancelled.");
        }
        return writes.inTransaction(tx -> {
            TraceSummary trace = tx.lock(traceId)
                    .orElseThrow(() -> Rejection.notFound("There is no trace " + traceId + "."));
            checkScope(tx, scope, trace);
            if (trace.status().isFinished()) {
                if (trace.status() == request.status()) {
                    return trace; // a replayed finish
                }
                throw Rejection.conflict("status", "Trace " + traceId + " is already " + trace.status().name()
                        .toLowerCase(java.util.Locale.ROOT) + ".");
            }
            Instant end = request.completedAt() != null ? request.completedAt() : Instant.now();
            if (end.isBefore(trace.startedAt())) {
                throw Rejection.invalid("completedAt", "completedAt is before the trace started (" + trace.startedAt() + ").");
            }
            FinishTrace effective = new FinishTrace(request.status(), request.errorMessage(), end);
            tx.finish(traceId, effective, Duration.between(trace.startedAt(), end).toMillis());
            return tx.read(traceId).orElseThrow();
        });
    }

    private static TraceSummary lockWritable(TraceStore.Session tx, TokenScope scope, UUID traceId) {
        TraceSummary trace = tx.lock(traceId)
                .orElseThrow(() -> Rejection.notFound("There is no trace " + traceId + "."));
        checkScope(tx, scope, trace);
        if (trace.status().isFinished()) {
            throw Rejection.conflict(null, "Trace " + traceId + " is finished and accepts no more steps.");
        }
        return trace;
    }

    private static void checkScope(TraceStore.Session tx, TokenScope scope, TraceSummary trace) {
        if (!scope.mayWriteFor(trace.agentId())) {
            throw Rejection.forbidden("This ingest token may not write for agent " + trace.agentId() + ".");
        }
        if (!scope.allBoards() || scope.assignedTasksOnly()) {
            boolean allowed = tx.taskPlacement(trace.taskId())
                    .filter(t -> scope.mayWriteOnTask(t.boardId(), t.assigneeAgentId(), trace.agentId())).isPresent();
            if (!allowed) {
                throw Rejection.notFound("There is no trace " + trace.id() + " this ingest token may write to.");
            }
        }
    }
}
