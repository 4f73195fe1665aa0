package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.otlp.GenAiSpan;
import dev.agenttraces.traces.pricing.domain.CostRule;
import dev.agenttraces.traces.trace.domain.PricedStep;
import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.domain.StoredSpan;
import dev.agenttraces.traces.trace.domain.TraceStore;
import dev.agenttraces.traces.trace.domain.TraceTotals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * the last copy of a span wins.
 */
final class TraceSpanWrite {

    private final TraceStore.Session tx;
    private final UUID traceId;
    private final BatchPricing.Run prices;
    private final StepRedaction redaction;

    TraceSpanWrite(TraceStore.Session tx, UUID traceId, BatchPricing.Run prices, StepRedaction redaction) {
        this.tx = tx;
        this.traceId = traceId;
        this.prices = prices;
        this.redaction = redaction;
    }

    private record Placed(SpanSteps.Plan plan, int firstSeq, String parentSpanId) {
    }

    /** Writes the spans; answers whether a stored span was replaced (its steps' seqs were reused, not appended). */
    boolean write(List<GenAiSpan> spans) {
        Map<String, SpanSteps.Plan> plans = new LinkedHashMap<>();
        Map<String, String> parents = new HashMap<>();
        for (GenAiSpan span : spans) {
            SpanSteps.Plan plan = redaction.plan(SpanSteps.of(span)); // masked before hash and store
            plans.remove(span.spanId());
            if (!plan.isEmpty()) {
                plans.put(span.spanId(), plan);
                if (span.parentSpanId() != null && !span.parentSpanId().equals(span.spanId())) {
                    parents.put(span.spanId(), span.parentSpanId());
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
            if (old != null && old.hash().equals(e.getValue().hash())) {
                continue; // a re-sent span: already counted
            }
            int first;
            if (old != null) {
                tx.deleteSpanSteps(traceId, old.seq());
                replaced = true;
                first = old.seq();
            } else {
                first = next++;
            }
            if (StoredSpan.isParent(e.getValue().steps().get(0).type())) {
                seqOf.put(e.getKey(), first);
                written.put(e.getKey(), first);
            }
            placed.add(new Placed(e.getValue(), first, parents.get(e.getKey())));
        }
        List<PricedStep> rows = new ArrayList<>();
        for (Placed p : placed) {
            List<StepInput> steps = p.plan().steps();
            Integer parent = p.parentSpanId() == null ? null : seqOf.get(p.parentSpanId());
            StepInput head = steps.get(0).placed(p.firstSeq(), parent);
            rows.add(prices.price(head, p.plan().hash()));
            for (StepInput secondary : steps.subList(1, steps.size())) {
                StepInput s = secondary.placed(next++, p.firstSeq());
                rows.add(prices.price(s, s.contentHash()));
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
}
