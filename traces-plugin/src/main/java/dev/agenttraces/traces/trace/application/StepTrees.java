package dev.agenttraces.traces.trace.application;

import dev.agenttraces.traces.trace.domain.StepTree;
import dev.agenttraces.traces.shared.RecentEntries;
import dev.agenttraces.traces.trace.domain.TraceRepository;
import dev.agenttraces.traces.trace.domain.TraceVersion;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The step trees of the traces being looked at, shared by every view of the same {@link TraceVersion}. Building a
 * tree reads every step's links (200,000 rows for the largest traces), and each new view of the task panel needs
 * one: shared, fifteen views of a trace in a session hold one tree, and a reopen reads only its page of rows.
 */
@ApplicationScoped
public class StepTrees {

    /** Trees kept: at about 24 bytes a step, 32 trees of 200,000 steps are 150 MB at the very most. */
    static final int CACHED = 32;
    /** Smaller trees are built on each view: they cost less to read than to keep. */
    static final int SMALLEST_KEPT = 2_000;

    private final RecentEntries<TraceVersion, StepTree> trees = new RecentEntries<>(CACHED);

    /** The trace's tree, or null for a flat trace (no step has a parent). */
    public StepTree of(TraceRepository traces, TraceVersion version) {
        if (version.stepCount() < SMALLEST_KEPT) {
            return read(traces, version.trace());
        }
        StepTree kept = trees.get(version);
        if (kept != null) {
            return kept;
        }
        StepTree built = read(traces, version.trace());
        if (built != null) {
            trees.put(version, built);
        }
        return built;
    }

    /** Builds the trace's tree from its steps' links, or null for a flat trace; nothing is kept. */
    static StepTree read(TraceRepository traces, UUID trace) {
        return traces.hasTree(trace) ? new StepTree(traces.stepLinks(trace)) : null;
    }
}
