package dev.agenttraces.traces.insight.application;

import dev.agenttraces.traces.insight.domain.InsightSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The detectors' settings from MicroProfile Config (keys {@code agent.traces.insight.*}, documented in the
 * README). Invalid values are logged and replaced by the defaults, so a typo cannot stop ingest. Stored flags
 * carry the settings' fingerprint: after a change (and a restart) every stored trace is recomputed.
 */
@ApplicationScoped
public class InsightConfig {

    private static final Logger LOG = Logger.getLogger(InsightConfig.class.getName());

    @Inject
    @ConfigProperty(name = "agent.traces.insight.loop.min-repetitions", defaultValue = "3")
    int minRepetitions;

    @Inject
    @ConfigProperty(name = "agent.traces.insight.loop.similarity", defaultValue = "0.85")
    double similarity;

    @Inject
    @ConfigProperty(name = "agent.traces.insight.loop.max-cycle-length", defaultValue = "6")
    int maxCycleLength;

    @Inject
    @ConfigProperty(name = "agent.traces.insight.redundancy.mutating-tools")
    java.util.Optional<String> mutatingTools;

    @Inject
    @ConfigProperty(name = "agent.traces.insight.top-steps", defaultValue = "5")
    int topSteps;

    private InsightSettings settings;

    @PostConstruct
    void build() {
        String pattern = mutatingTools.filter(p -> !p.isBlank()).orElse(InsightSettings.DEFAULT_MUTATING_TOOL_PATTERN);
        try {
            settings = new InsightSettings(minRepetitions, similarity, maxCycleLength, pattern, topSteps);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "agent.traces.insight.*: {0}; using the defaults", e.getMessage());
            settings = InsightSettings.defaults();
        }
    }

    public InsightSettings settings() {
        return settings;
    }
}
