package dev.agenttraces.traces.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code agent.traces.retention.*} keys (README, "Configuration"). */
@ApplicationScoped
public class RetentionSettings {

    @Inject
    @ConfigProperty(name = "agent.traces.retention.days", defaultValue = "0")
    int days;

    @Inject
    @ConfigProperty(name = "agent.traces.retention.batch-size", defaultValue = "500")
    int batchSize;

    @Inject
    @ConfigProperty(name = "agent.traces.retention.interval-minutes", defaultValue = "60")
    long intervalMinutes;

    @Inject
    @ConfigProperty(name = "agent.traces.retention.abandoned-after-seconds", defaultValue = "600")
    long abandonedAfterSeconds;

    /** The global period in days; 0 (the default) keeps traces forever. */
    public int days() {
        return Math.max(0, days);
    }

    /** Traces removed per transaction (1–5000). */
    public int batchSize() {
        return Math.max(1, Math.min(5000, batchSize));
    }

    /** Minutes between scheduled runs; 0 turns the schedule off (runs only when an admin asks). */
    public long intervalMinutes() {
        return Math.max(0, intervalMinutes);
    }

    public long abandonedAfterSeconds() {
        return Math.max(1, abandonedAfterSeconds);
    }
}
