package dev.agenttraces.taskboard.model.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rule for where an agent stands against its budget, shared by the host (its budget dot and
 * dispatch guard) and the plugin (its gauge), so both always show the same level for the same spend.
 * Comparisons are exact: the warning level is budget × threshold / 100 at six decimals, never a
 * percentage rounded to a whole number (79.6 % of a budget with an 80 % threshold is not a warning).
 */
public final class BudgetRule {

    /** Scale of the warning level: USD to a millionth, finer than any price step. */
    public static final int SCALE = 6;

    private BudgetRule() {
    }

    /** Where spend stands: within budget, at or past the warning threshold, or exhausted. */
    public enum Level { WITHIN, WARNING, EXHAUSTED }

    /**
     * @param budget           monthly budget in USD; null or zero or less means unlimited
     * @param thresholdPercent warning threshold, 1–100
     * @param spend            spend in the current period (not null)
     */
    public static Level level(BigDecimal budget, int thresholdPercent, BigDecimal spend) {
        if (!isLimited(budget)) {
            return Level.WITHIN;
        }
        if (isExhausted(budget, spend)) {
            return Level.EXHAUSTED;
        }
        return spend.compareTo(warningLevel(budget, thresholdPercent)) >= 0 ? Level.WARNING : Level.WITHIN;
    }

    /** Whether a budget limits spend at all. */
    public static boolean isLimited(BigDecimal budget) {
        return budget != null && budget.signum() > 0;
    }

    /**
     * Whether the spend leaves nothing of the budget: at exactly the budget the next call would overspend,
     * so reaching it counts. An unlimited budget (null) is never exhausted.
     */
    public static boolean isExhausted(BigDecimal budget, BigDecimal spend) {
        return budget != null && spend != null && spend.compareTo(budget) >= 0;
    }

    /** The spend at which the warning starts: budget × threshold / 100, at {@link #SCALE} decimals. */
    public static BigDecimal warningLevel(BigDecimal budget, int thresholdPercent) {
        return budget.multiply(BigDecimal.valueOf(thresholdPercent))
                .divide(BigDecimal.valueOf(100), SCALE, RoundingMode.HALF_UP);
    }
}
