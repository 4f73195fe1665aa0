package dev.agenttraces.traces.pricing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The two rules every priced step follows, at ingest and at recompute alike: a step without a model of
 * its own is priced at its trace's model, and a cost is stored rounded HALF_EVEN to the cost columns'
 * scale, so a trace's total is exactly the sum of its stored step costs.
 */
public final class CostRule {

    /** Scale of the cost columns (numeric(24, 12)); exact for prices of scale 6 or less. */
    public static final int STORED_SCALE = 12;

    private CostRule() {
    }

    /** The model a step is priced at: its own, else its trace's. */
    public static String effectiveModel(String stepModel, String traceModel) {
        return stepModel != null ? stepModel : traceModel;
    }

    /** The form a cost is stored in; null (unpriced) stays null. */
    public static BigDecimal stored(BigDecimal cost) {
        return cost == null ? null : cost.setScale(STORED_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Zero at the stored scale, the start of a sum of stored costs. */
    public static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(STORED_SCALE);
    }
}
