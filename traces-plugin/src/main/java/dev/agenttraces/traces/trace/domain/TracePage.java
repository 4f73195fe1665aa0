package dev.agenttraces.traces.trace.domain;

import java.util.List;

/** One page of a trace list, with the total the list would have unpaged. */
public record TracePage(List<TraceSummary> items, long total, int offset, int limit) {
}
