package dev.agenttraces.demo.agents.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One agent run on one task: a trace. {@code failed} runs finish with status {@code failed} and
 * {@code errorMessage}; a retry is a second run on the same task.
 */
public record Run(UUID id, AgentProfile agent, long taskId, Instant startedAt, List<Step> steps, boolean failed,
                  String errorMessage, Instant completedAt, Set<Feature> features, Transport transport) {

    public Run withTransport(Transport other) {
        return new Run(id, agent, taskId, startedAt, steps, failed, errorMessage, completedAt, features, other);
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }
}
