package dev.agenttraces.traces.trace.domain;

import java.io.Serializable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Filters of a trace list; any may be null, and {@link #NONE} lets everything through. {@code flaggedOnly}
 * keeps the traces with a redundant call, a loop or a retry among their stored insight flags.
 */
public record TraceFilter(TraceStatus status, Instant from, BigDecimal minCost, BigDecimal maxCost, String title,
                          boolean flaggedOnly) implements Serializable {

    public static final TraceFilter NONE = new TraceFilter(null, null, null, null, null, false);
}
