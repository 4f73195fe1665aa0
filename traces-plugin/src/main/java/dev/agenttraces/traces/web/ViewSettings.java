package dev.agenttraces.traces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The trace screens' tunables. Read here, in an application-scoped bean, because @ViewScoped beans
 * must not inject config values directly (they would not be passivation capable).
 */
@ApplicationScoped
public class ViewSettings {

    @Inject
    @ConfigProperty(name = "agent.traces.views.page-size", defaultValue = "50")
    int pageSize;

    @Inject
    @ConfigProperty(name = "agent.traces.views.output-preview-chars", defaultValue = "2000")
    int outputPreviewChars;

    /** Timeline rows per page (10–500). */
    public int pageSize() {
        return Math.max(10, Math.min(500, pageSize));
    }

    /** Characters of a tool result shown before "show all" (at least 200). */
    public int outputPreviewChars() {
        return Math.max(200, outputPreviewChars);
    }
}
