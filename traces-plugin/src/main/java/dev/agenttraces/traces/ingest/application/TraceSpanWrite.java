package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.otlp.GenAiSpan;
import dev.agenttraces.traces.pricing.domain.CostRule;
import dev.agenttraces.traces.trace.domain.PricedStep;
import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.domain.StoredSpan;
import dev.agenttraces.traces.trace.domain.TraceCapacity;
import dev.agenttraces.traces.trace.domain.TraceStore;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import dev.agenttraces.traces.trace.domain.TraceTotals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one trace's spans of an export under its row lock: one lookup of the spans already stored (and of
 * the parents named), one batch of new steps, one batch linking children that waited for a parent, one
 * totals update. Seqs are allocated after the trace's highest seq, which the row lock makes safe.
 *
 * <p>Duplicates, which OTLP delivers by design: a span stored with the same content hash is skipped, so its
 * tokens and cost are never counted twice. A span stored with different content is replaced: its old steps
 * are deleted, the new ones keep its first step's seq (so steps hanging under it stay there), and the
 * trace's totals are rebuilt from its steps, which keeps them exact whatever changed. Within one export
 * the last copy of a span wins. A tool span that is a sibling of the LLM call that asked for it goes under that
 * call ({@link ToolCallParents}).
 *
 * <p>Capacity ({@link TraceCapacity}, as the JSON API checks per step): a span whose steps would push the trace's
 * token total past a {@code long} or its cost past the column is refused whole (OTLP partial success), before
 * anything of it is written; a replacement is checked against the totals without the span it replaces, so the
 * totals rebuilt afterwards always fit. A refused replacement leaves the stored span as it was.
 */
final class TraceSpanWrite {

    private final TraceStore.Session tx;
    private final UUID traceId;
    private final BatchPricing.Run prices;
    private final StepRedaction redaction;
    private final TraceCapacity capacity;
    private final List<String> refusals;

    /**
     * {@code trace} is the locked trace as it is now; a span that does not fit its totals is added to
     * {@code refusals}. Spans are masked by {@code redaction} before they are hashed and stored.
     */
    TraceSpanWrite(TraceStore.Session tx, TraceSummary trace, BatchPricing.Run prices, StepRedaction redaction,
                   List<String> refusals) {
        this.tx = tx;
        this.traceId = trace.id();
        this.prices = prices;
        this.redaction = redaction;
        this.capacity = new TraceCapacity(trace.tokens(), trace.costUsd());
        this.refusals = refusals;
    }

    /** A span's steps priced but not yet numbered, where its first step goes, and the span it hangs under. */
    private record Placed(List<PricedStep> priced, String hash, int firstSeq, String parentSpanId) {
    }

    /** Writes the spans; answers whether a stored span was replaced (its steps' seqs were reused, not appended). */
    boolean write(List<GenAiSpan> spans) {
        Map<String, SpanSteps.Plan> plans = new LinkedHashMap<>();
        Map<String, String> parents = new HashMap<>();
        Map<String, String> askedBy = ToolCallParents.of(spans);
        for (GenAiSpan span : spans) {
            SpanSteps.Plan plan = redaction.plan(SpanSteps.of(span)); // masked before hash and store
            plans.remove(span.spanId());
            if (!plan.isEmpty()) {
                String parent = askedBy.getOrDefault(span.spanId(), span.parentSpanId());
                plans.put(span.spanId(), Objects.equals(parent, span.parentSpanId()) ? plan : plan.under(parent));
                if (parent != null && !parent.equals(span.spanId())) {
                    parents.put(span.spanId(), parent);
                }
            }
        }
        if (plans.isEmpty()) {
            return false;
        }
        Set<String> lookup = new HashSet<>(plans.keySet());
        lookup.addAll(parents.values());
        Map<String, StoredSpan> stored = tx.storedSpans(traceId, lookup);
        Map<String, Integer> seqOf = new HashMap<>();
        stored.forEach((span, s) -> {
            if (s.isParent()) {
                seqOf.put(span, s.seq());
            }
        });
        int next = tx.maxSeq(traceId) + 1;
        boolean replaced = false;
        List<Placed> placed = new ArrayList<>();
        Map<String, Integer> written = new HashMap<>();
        for (Map.Entry<String, SpanSteps.Plan> e : plans.entrySet()) {
            StoredSpan old = stored.get(e.getKey());
            SpanSteps.Plan plan = e.getValue();
            if (old != null && old.hash().equals(plan.hash())) {
                continue; // a re-sent span: already counted
            }
            List<PricedStep> priced = plan.steps().stream().map(s -> prices.price(s, null)).toList();
            TraceCapacity.Overflow overflow = fit(old, priced);
            if (overflow != null) {
                refusals.add("span " + e.getKey() + ": refused: " + overflow.reason() + ".");
                continue; // a stored version of the span stays as it was
            }
            int first;
            if (old != null) {
                tx.deleteSpanSteps(traceId, old.seq());
                replaced = true;
                first = old.seq();
            } else {
                first = next++;
            }
            if (StoredSpan.isParent(plan.steps().get(0).type())) {
                seqOf.put(e.getKey(), first);
                written.put(e.getKey(), first);
            }
            placed.add(new Placed(priced, plan.hash(), first, parents.get(e.getKey())));
        }
        List<PricedStep> rows = new ArrayList<>();
        for (Placed p : placed) {
            Integer parent = p.parentSpanId() == null ? null : seqOf.get(p.parentSpanId());
            PricedStep head = p.priced().get(0);
            rows.add(at(head, head.step().placed(p.firstSeq(), parent), p.hash()));
            for (PricedStep secondary : p.priced().subList(1, p.priced().size())) {
                StepInput s = secondary.step().placed(next++, p.firstSeq());
                rows.add(at(secondary, s, s.contentHash()));
            }
        }
        tx.insertSteps(traceId, rows);
        tx.linkWaitingChildren(traceId, written);
        if (replaced) {
            tx.rebuildTotals(traceId);
        } else if (!rows.isEmpty()) {
            tx.addTotals(traceId, TraceTotals.of(rows, CostRule.zero()));
        }
        return replaced;
    }

    /** Whether the span's steps fit the trace's totals, taking them if so (after giving back a replaced span's). */
    private TraceCapacity.Overflow fit(StoredSpan old, List<PricedStep> priced) {
        if (old == null) {
            return capacity.takeAll(priced);
        }
        TraceTotals held = tx.spanTotals(traceId, old.seq());
        return capacity.replace(held.tokens(), held.cost(), priced);
    }

    /** The priced step, numbered: pricing depends on neither its seq nor its parent. */
    private static PricedStep at(PricedStep priced, StepInput placed, String hash) {
        return new PricedStep(placed, priced.model(), priced.cost(), hash);
    }
}
