package dev.agenttraces.traces.review.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The median of the costs of similar tasks, the yardstick a review compares a task's cost with. The
 * median rather than the mean, so one runaway task does not make every other look cheap.
 */
public final class CostMedian {

    private CostMedian() {
    }

    /** The median (the mean of the middle two for an even count, to 12 decimals), or null for no costs. */
    public static BigDecimal of(List<BigDecimal> costs) {
        if (costs.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = costs.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 12, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    /** How the cost compares with the median, in percent of it (100 = the median), or null without a median. */
    public static Integer percentOf(BigDecimal cost, BigDecimal median) {
        if (median == null || median.signum() == 0 || cost == null) {
            return null;
        }
        return cost.multiply(BigDecimal.valueOf(100)).divide(median, 0, RoundingMode.HALF_UP).intValueExact();
    }
}
