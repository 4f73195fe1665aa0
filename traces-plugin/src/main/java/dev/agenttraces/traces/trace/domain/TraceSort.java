package dev.agenttraces.traces.trace.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders a list of traces can be sorted in, named as on the wire and in the agent tab's columns.
 * A closed list: the sort comes from the request, so only these names ever reach a query.
 */
public enum TraceSort {
    STARTED_AT("startedAt"), COST_USD("costUsd"), DURATION_MS("durationMs"), STEP_COUNT("stepCount"),
    STATUS("status"), TASK_TITLE("taskTitle"), TOKENS("tokens"), WASTE("waste");

    private final String wireName;

    TraceSort(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<TraceSort> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
