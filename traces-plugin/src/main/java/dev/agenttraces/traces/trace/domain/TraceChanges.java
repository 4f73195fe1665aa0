package dev.agenttraces.traces.trace.domain;

import java.util.Collection;
import java.util.Map;

/**
 * Port: a cheap version of each task's traces, for telling that something changed without reading it.
 * Read straight from the shared database, so it sees steps ingested on any node.
 */
public interface TraceChanges {

    /**
     * One opaque version string per task that has traces (tasks without traces are absent). It changes
     * whenever a trace of the task starts, gains steps or ends.
     */
    Map<Long, String> versions(Collection<Long> taskIds);
}
