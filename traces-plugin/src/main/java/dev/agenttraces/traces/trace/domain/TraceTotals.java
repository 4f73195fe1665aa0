package dev.agenttraces.traces.trace.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a batch of new steps adds to its trace's totals. Counts are summed with exact arithmetic, so a
 * batch whose tokens would overflow a count is refused instead of storing a wrapped-around total.
 */
public record TraceTotals(int steps, int errors, TokenCounts tokens, BigDecimal cost, int unpriced) {

    /** The totals of these steps; {@code zeroCost} fixes the scale the costs are summed at. */
    public static TraceTotals of(List<PricedStep> steps, BigDecimal zeroCost) {
        int errors = 0;
        int unpriced = 0;
        TokenCounts tokens = TokenCounts.NONE;
        BigDecimal cost = zeroCost;
        for (PricedStep p : steps) {
            StepInput s = p.step();
            errors += s.type() == StepType.ERROR ? 1 : 0;
            tokens = tokens.plus(s.tokens());
            if (p.cost() == null) {
                unpriced++;
            } else {
                cost = cost.add(p.cost());
            }
        }
        return new TraceTotals(steps.size(), errors, tokens, cost, unpriced);
    }
}
