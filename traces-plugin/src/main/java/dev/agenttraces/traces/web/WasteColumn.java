package dev.agenttraces.traces.web;

import dev.agenttraces.traces.insight.application.InsightQueries;
import dev.agenttraces.traces.insight.domain.FlagTotals;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The "Waste" column of a trace list (the agent tab): each row's stored flag totals, read once per trace and
 * step count (one primary-key read per row of the shown page).
 */
@Named
@ViewScoped
public class WasteColumn implements Serializable {

    @Inject
    InsightQueries insights;

    /** Totals read so far (no Optional values: the view scope lives in the session, which must serialize). */
    private final Map<UUID, FlagTotals> read = new HashMap<>();

    /** The row's totals, or null when none are stored yet (read again next time). */
    public FlagTotals of(TraceSummary row) {
        FlagTotals totals = read.get(row.id());
        if (totals == null || totals.stepCount() != row.stepCount()) {
            totals = insights.storedTotals(row.id()).orElse(null);
            if (totals != null) {
                read.put(row.id(), totals);
            }
        }
        return totals;
    }
}
