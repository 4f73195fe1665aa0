package dev.agenttraces.traces.pricing.domain;

import java.util.List;
import java.util.UUID;

/**
 * A CDI event: the costs of these traces' steps were recomputed and committed. What was derived from step costs
 * elsewhere (the insight flags' savable and waste cost) must be derived again; pricing does not know who that is.
 */
public record TracesRepriced(List<UUID> traces) {

    public TracesRepriced {
        traces = List.copyOf(traces);
    }
}
