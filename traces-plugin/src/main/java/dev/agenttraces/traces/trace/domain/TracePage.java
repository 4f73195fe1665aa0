package dev.agenttraces.traces.trace.domain;

import java.util.List;

/**
 * One page of a trace list, with the total the list would have unpaged. {@code offset} is null for a page read
 * after a key; {@code next} is where the following page resumes, null when this page is the last.
 */
public record TracePage(List<TraceSummary> items, long total, Integer offset, int limit, TraceKey next) {
}
