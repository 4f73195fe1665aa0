package dev.agenttraces.traces.web;

import dev.agenttraces.traces.spend.domain.DailySpend;

import java.io.Serializable;

/**
 * A daily-spend chart as a page shows it: the Chart.js configuration for p:chart, and whether there is
 * no spend at all (the page then shows an empty state rather than a flat line).
 */
public record SpendChart(String config, boolean noSpend) implements Serializable {

    static SpendChart of(DailySpend daily) {
        return new SpendChart(daily.chartJson("Spend (USD)"), daily.isEmpty());
    }
}
