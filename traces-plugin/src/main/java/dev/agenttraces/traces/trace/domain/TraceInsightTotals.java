package dev.agenttraces.traces.trace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A trace's stored insight totals (table {@code trace_insight}, written by the insight capability), mapped
 * read-only so trace lists can filter and sort by their flags in the same JPQL as the rest of the list.
 */
@Entity
@Table(name = "trace_insight")
public class TraceInsightTotals {

    @Id
    @Column(name = "trace_id", insertable = false, updatable = false)
    private UUID traceId;

    @Column(name = "redundant_count", insertable = false, updatable = false)
    private int redundantCount;

    @Column(name = "loop_count", insertable = false, updatable = false)
    private int loopCount;

    @Column(name = "retry_count", insertable = false, updatable = false)
    private int retryCount;

    @Column(name = "waste_cost_usd", precision = 24, scale = 12, insertable = false, updatable = false)
    private BigDecimal wasteCostUsd;

    protected TraceInsightTotals() {
    }
}
