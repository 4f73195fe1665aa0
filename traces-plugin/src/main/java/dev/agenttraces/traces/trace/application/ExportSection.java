package dev.agenttraces.traces.trace.application;

import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.json.JsonValue;

/**
 * A part of a trace's JSON export that another capability contributes (the review capability's annotations),
 * so the export includes it without the trace capability depending on that capability.
 */
public interface ExportSection {

    /** The member name in the exported object. */
    String name();

    /** The section's value for a trace the reader may see. */
    JsonValue of(TraceSummary trace);
}
