package dev.agenttraces.traces.retention.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a cutoff catches on a board: the traces that started before it, their steps and their cost (priced
 * steps; {@code unpricedSteps} were not priced), and when the oldest of them started (null when none).
 */
public record Removable(long traces, long steps, BigDecimal cost, long unpricedSteps, Instant oldest)
        implements Serializable {

    public static final Removable NOTHING = new Removable(0, 0, BigDecimal.ZERO, 0, null);
}
