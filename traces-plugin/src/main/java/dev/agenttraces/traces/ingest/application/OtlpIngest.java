package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.domain.TokenScope;
import dev.agenttraces.traces.ingest.otlp.GenAiSpan;
import dev.agenttraces.traces.ingest.otlp.GenAiSpans;
import dev.agenttraces.traces.ingest.otlp.SpanRefusal;
import dev.agenttraces.traces.trace.domain.TraceRoot;
import dev.agenttraces.traces.trace.domain.TraceStatus;
import dev.agenttraces.traces.trace.domain.TraceStore;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stores the spans of one OTLP export as trace steps, in one transaction that commits before the receiver
 * answers. The OTLP trace id (16 bytes) is the trace's UUID. A trace is created by the first span of it
 * that arrives, of any kind, because OTLP has no start call and children usually arrive before their
 * parents (they end first); its task, agent, model and times come from that span until the root span (no
 * parent) arrives and fills them in, finishing the trace when the root has ended. Traces are locked in id
 * order, so two exports touching the same traces cannot deadlock. A span is refused (OTLP partial success)
 * when its token may not write for its agent or on its task (the task's board, and its assignee for a token
 * bound to assigned tasks), nor for or on those of the trace it joins, when its task or agent does not exist,
 * or when its tokens or cost do not fit its trace's totals ({@link TraceSpanWrite}); the other spans are stored.
 */
@ApplicationScoped
public class OtlpIngest {

    @Inject
    IngestTransactions writes;

    @Inject
    StepRedaction redaction;

    /** The answer of an export: how many spans were refused, and why (for partial_success). */
    public record Result(int rejectedSpans, List<String> refusals) {

        public String errorMessage() {
            return String.join(" ", refusals.stream().limit(10).toList())
                    + (refusals.size() > 10 ? " (and " + (refusals.size() - 10) + " more)" : "");
        }
    }

    public Result export(TokenScope scope, GenAiSpans spans) {
        Set<UUID> replaced = new HashSet<>();
        Result result = exportOnce(scope, spans, replaced);
        // after the commit: flags never hold up or fail the export. A replaced span reused seqs below those the
        // flags have seen, so those traces' flags are recomputed from their steps instead of continued.
        spans.spans().stream().map(s -> traceId(s.traceId())).distinct().forEach(id -> {
            if (replaced.contains(id)) {
                writes.stepsRewritten(id);
            } else {
                writes.stepsArrived(id);
            }
        });
        return result;
    }

    private Result exportOnce(TokenScope scope, GenAiSpans spans, Set<UUID> replaced) {
        return writes.inTransaction(tx -> exportIn(tx, scope, spans, replaced), tx -> {
            // a concurrent export created one of these traces (or spans) first: its rows are there now
            replaced.clear();
            return exportIn(tx, scope, spans, replaced);
        });
    }

    /** Whether a failed export may succeed when the client retries it (the database was unavailable or busy). */
    public boolean isTransient(RuntimeException e) {
        return writes.isTransient(e);
    }

    private Result exportIn(TraceStore.Session tx, TokenScope scope, GenAiSpans spans, Set<UUID> replaced) {
        List<String> refusals = new ArrayList<>();
        spans.refusals().stream().map(SpanRefusal::message).forEach(refusals::add);
        Map<UUID, List<GenAiSpan>> byTrace = new TreeMap<>();
        for (GenAiSpan span : spans.spans()) {
            byTrace.computeIfAbsent(traceId(span.traceId()), k -> new ArrayList<>()).add(span);
        }
        References refs = new References(tx);
        for (Map.Entry<UUID, List<GenAiSpan>> e : byTrace.entrySet()) {
            List<GenAiSpan> accepted = new ArrayList<>();
            for (GenAiSpan span : e.getValue()) {
                String refused = refs.refusal(scope, span);
                if (refused == null) {
                    accepted.add(span);
                } else {
                    refusals.add(refused);
                }
            }
            if (!accepted.isEmpty() && writeTrace(tx, scope, refs, e.getKey(), accepted, refusals)) {
                replaced.add(e.getKey());
            }
        }
        return new Result(refusals.size(), List.copyOf(refusals));
    }

    /** Answers whether a stored span of the trace was replaced. */
    private boolean writeTrace(TraceStore.Session tx, TokenScope scope, References refs, UUID id, List<GenAiSpan> spans,
                               List<String> refusals) {
        GenAiSpan root = spans.stream().filter(GenAiSpan::isRoot).reduce((a, b) -> b).orElse(null);
        TraceSummary trace = tx.lock(id).orElse(null);
        if (trace == null) {
            GenAiSpan founder = root != null ? root : spans.get(0);
            TraceStore.AgentDefaults defaults = tx.agentDefaults(founder.agentId()).orElseThrow();
            tx.insertTrace(id, founder.taskId(), founder.agentId(), founder.isRoot() && founder.model() != null
                            ? founder.model() : defaults.model(),
                    founder.provider() != null ? founder.provider() : defaults.provider(), founder.start());
        } else if (!scope.mayWriteFor(trace.agentId())) {
            spans.forEach(s -> refusals.add("span " + s.spanId() + ": this ingest token may not write for agent "
                    + trace.agentId() + ", whose trace " + s.traceId() + " is."));
            return false;
        } else if (!refs.mayWriteOnTaskOf(scope, trace)) {
            // as the JSON API answers: the trace of another board is one this token cannot see
            spans.forEach(s -> refusals.add("span " + s.spanId() + ": there is no trace " + s.traceId()
                    + " this ingest token may write to."));
            return false;
        }
        if (root != null) {
            tx.applyRoot(id, redaction.root(root(root)));
        }
        TraceSummary current = tx.read(id).orElseThrow();
        return new TraceSpanWrite(tx, current, writes.pricing(current), redaction, refusals).write(spans);
    }

    private static TraceRoot root(GenAiSpan span) {
        TraceStatus status = span.isError() ? TraceStatus.FAILED
                : span.end() != null ? TraceStatus.COMPLETED : TraceStatus.RUNNING;
        String error = !span.isError() ? null
                : span.errorMessage() == null ? span.errorType() : span.errorType() + ": " + span.errorMessage();
        return new TraceRoot(span.taskId(), span.agentId(), span.model(), span.provider(), span.start(), span.end(),
                status, error);
    }

    /** The trace's UUID from the 32 hex characters of an OTLP trace id. */
    public static UUID traceId(String hex) {
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    /**
     * Token scope and task/agent existence per span, each id looked up once per export. The scope rule is the
     * JSON API's ({@link TokenScope#mayWriteOnTask}): the span's agent, the task's board, and when the token
     * is for assigned tasks only, the task's assignee.
     */
    private static final class References {

        private final TraceStore.Session tx;
        private final Map<Long, Optional<TraceStore.TaskPlacement>> tasks = new HashMap<>();
        private final Map<Long, Boolean> agents = new HashMap<>();

        References(TraceStore.Session tx) {
            this.tx = tx;
        }

        String refusal(TokenScope scope, GenAiSpan span) {
            if (!scope.mayWriteFor(span.agentId())) {
                return "span " + span.spanId() + ": this ingest token may not write for agent " + span.agentId()
                        + " (taskboard.agent.id).";
            }
            if (!agents.computeIfAbsent(span.agentId(), a -> tx.agentDefaults(a).isPresent())) {
                return "span " + span.spanId() + ": there is no agent " + span.agentId() + " (taskboard.agent.id).";
            }
            TraceStore.TaskPlacement task = placement(span.taskId()).filter(t -> scope.mayWriteOn(t.boardId())).orElse(null);
            if (task == null) {
                // the same answer for a task that does not exist and one on a board the token may not write on
                return "span " + span.spanId() + ": there is no task " + span.taskId()
                        + " on the boards this ingest token may write on (taskboard.task.id).";
            }
            if (!scope.mayWriteOnTask(task.boardId(), task.assigneeAgentId(), span.agentId())) {
                return "span " + span.spanId() + ": this ingest token may only write on tasks assigned to agent "
                        + span.agentId() + " (taskboard.task.id).";
            }
            return null;
        }

        /** Whether the token may write on the task an existing trace belongs to, for the trace's agent. */
        boolean mayWriteOnTaskOf(TokenScope scope, TraceSummary trace) {
            return placement(trace.taskId())
                    .filter(t -> scope.mayWriteOnTask(t.boardId(), t.assigneeAgentId(), trace.agentId())).isPresent();
        }

        private Optional<TraceStore.TaskPlacement> placement(long taskId) {
            return tasks.computeIfAbsent(taskId, tx::taskPlacement);
        }
    }
}
