package dev.agenttraces.traces.trace.domain;

import java.math.BigDecimal;

/**
 * What a trace's stored totals can still take. Token totals are {@code bigint} and costs
 * {@code numeric(24, 12)} (less than 10^12 USD): a step whose counts or cost would push the trace past
 * either is refused on its own, so the rest of its batch is stored and the readers' sums (every token
 * of a trace as one {@code long}) never overflow. Before, two steps of 5e18 input tokens wrapped the
 * trace's total negative, and a huge cost failed the whole batch with a 500.
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
        TokenCounts sum;
        try {
            step.step().tokens().total();
            sum = tokens.plus(step.step().tokens());
            sum.total();
        } catch (ArithmeticException e) {
            return new Overflow(largest(step.step().tokens()), "the trace's token total would exceed "
                    + Long.MAX_VALUE);
        }
        BigDecimal newCost = step.cost() == null ? cost : cost.add(step.cost());
        if (newCost.compareTo(COST_LIMIT) >= 0) {
            return new Overflow(largest(step.step().tokens()), "the trace's cost would reach "
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
