package dev.agenttraces.traces.trace.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a trace's stored totals can still take. Token totals are {@code bigint} and costs
 * {@code numeric(24, 12)} (less than 10^12 USD): a step whose counts or cost would push the trace past
 * either is refused on its own, so the rest of its batch is stored and the readers' sums (every token
 * of a trace as one {@code long}) never overflow. Before, two steps of 5e18 input tokens wrapped the
 * trace's total negative, and a huge cost failed the whole batch with a 500. Both write paths check it: the
 * JSON API per step, OTLP per span (all the span's steps or none, a replaced span after giving back what it held).
 */
public final class TraceCapacity {

    /** Costs, per step and per trace, stay below this (the integer digits of numeric(24, 12)). */
    public static final BigDecimal COST_LIMIT = BigDecimal.TEN.pow(12);

    private TokenCounts tokens;
    private BigDecimal cost;

    /** The capacity left by the totals a trace already holds. */
    public TraceCapacity(TokenCounts tokens, BigDecimal cost) {
        this.tokens = tokens;
        this.cost = cost == null ? BigDecimal.ZERO : cost;
    }

    /**
     * Takes the step when it fits and answers null; otherwise answers why not, naming the wire field
     * that does not fit (the largest of the step's counts: {@code inputTokens}, …), and takes nothing.
     */
    public Overflow take(PricedStep step) {
        return takeAll(List.of(step));
    }

    /**
     * Takes the steps of one OTLP span when all of them fit, and answers null; otherwise takes none of them
     * and answers why, so the span is refused whole and its trace's totals stay exact.
     */
    public Overflow takeAll(List<PricedStep> steps) {
        return replace(TokenCounts.NONE, BigDecimal.ZERO, steps);
    }

    /**
     * As {@link #takeAll}, for a span that replaces a stored one: what the stored span held ({@code heldTokens},
     * {@code heldCost}, a part of the trace's totals) is given back first, and kept when the new steps do not fit.
     */
    public Overflow replace(TokenCounts heldTokens, BigDecimal heldCost, List<PricedStep> steps) {
        TokenCounts stepTokens = TokenCounts.NONE;
        TokenCounts named = TokenCounts.NONE; // the counts whose largest field a refusal names
        TokenCounts sum;
        BigDecimal newCost = cost.subtract(heldCost);
        try {
            for (PricedStep step : steps) {
                named = step.step().tokens();
                named.total();
                stepTokens = stepTokens.plus(named);
                newCost = step.cost() == null ? newCost : newCost.add(step.cost());
            }
            named = stepTokens;
            sum = tokens.minus(heldTokens).plus(stepTokens);
            sum.total();
        } catch (ArithmeticException e) {
            return new Overflow(largest(named), "the trace's token total would exceed " + Long.MAX_VALUE);
        }
        if (newCost.compareTo(COST_LIMIT) >= 0) {
            return new Overflow(largest(stepTokens), "the trace's cost would reach "
                    + COST_LIMIT.toPlainString() + " USD");
        }
        tokens = sum;
        cost = newCost;
        return null;
    }

    /** Why a step did not fit: the field to name and a reason for the client. */
    public record Overflow(String field, String reason) {
    }

    private static String largest(TokenCounts t) {
        long max = Math.max(Math.max(t.input(), t.output()), Math.max(t.cachedInput(), t.reasoning()));
        if (max == t.input()) {
            return "inputTokens";
        }
        if (max == t.output()) {
            return "outputTokens";
        }
        return max == t.cachedInput() ? "cachedInputTokens" : "reasoningTokens";
    }
}
