package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;

/**
 * One bucket's part of a trace's cost.
 *
 * @param key     the tool, the kind's wire name or the model; {@link #NONE} for steps without one
 * @param costUsd the bucket's exact cost
 * @param share   the bucket's fraction of the total, at scale {@link CostShares#SHARE_SCALE}; a dimension's
 *                shares add up to exactly 1 (or are all 0 when nothing cost anything)
 */
public record CostShare(String key, BigDecimal costUsd, BigDecimal share) implements java.io.Serializable {

    /** The key of the bucket of steps with no tool (or no model). */
    public static final String NONE = "(none)";
}
