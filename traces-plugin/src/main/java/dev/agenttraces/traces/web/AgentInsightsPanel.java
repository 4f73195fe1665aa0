package dev.agenttraces.traces.web;

import dev.agenttraces.traces.insight.application.AgentInsights;
import dev.agenttraces.traces.insight.domain.AgentWaste;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;

/**
 * The agent tab's "Waste, last 30 days" card: how often the agent looped or repeated tool calls, what that cost
 * and its trend (a daily chart), and the tasks where it was worst, read once per view.
 */
@Named
@ViewScoped
public class AgentInsightsPanel implements Serializable {

    @Inject
    AgentInsights insights;

    private Long agentId;
    private AgentWaste waste;
    private String chart;

    public AgentWaste of(Long agent) {
        if (agent != null && !agent.equals(agentId)) {
            agentId = agent;
            AgentInsights.Window window = insights.agent(agent, Instant.now());
            waste = window.waste();
            chart = window.daily().isEmpty() ? null : window.daily().chartJson("Waste (USD)");
        }
        return waste;
    }

    /** The daily waste chart (Chart.js configuration), null when nothing was wasted. */
    public String getChart() {
        return chart;
    }

    /** "up 20 % on the 15 days before", "down 5 % …", or null without a trend. */
    public String trend(Integer percent) {
        if (percent == null) {
            return null;
        }
        return (percent == 0 ? "flat" : (percent > 0 ? "up " : "down ") + Math.abs(percent) + " %")
                + " against the " + (AgentInsights.DAYS / 2) + " days before";
    }
}
