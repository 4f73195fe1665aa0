package dev.agenttraces.taskboard.host.interfaces.web;

import dev.agenttraces.taskboard.host.application.AgentAdministration;
import dev.agenttraces.taskboard.host.budget.application.AgentSpend;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The agents list, each with its budget dot; also backs the cost dashboard's table. */
@Named
@ViewScoped
public class AgentsPage implements Serializable {

    @Inject
    AgentAdministration agents;

    @Inject
    AgentSpend spend;

    /** Rows hold agent entities, so not kept with the view in the (replicated) session: read again after a failover. */
    private transient List<AgentRow> rows;

    @PostConstruct
    void load() {
        Instant now = Instant.now();
        var all = agents.agents();
        var readings = spend.recentAll(all, now); // one plugin call for every agent
        rows = all.stream()
                .map(a -> new AgentRow(a, readings.get(a.getId()), spend.lastSkip(a.getId()).orElse(null)))
                .toList();
    }

    public List<AgentRow> getRows() {
        if (rows == null) {
            load();
        }
        return rows;
    }

    /** Spend of all agents whose spend is known, for the dashboard's total. */
    public BigDecimal getTotalSpend() {
        return getRows().stream().map(r -> r.getReading().costUsd()).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean isAnySpendUnknown() {
        return getRows().stream().anyMatch(r -> !r.isSpendKnown());
    }
}
