package dev.agenttraces.traces.web.admin;

import dev.agenttraces.traces.access.application.ViewerAccess;
import dev.agenttraces.traces.ingest.application.StepRedaction;
import dev.agenttraces.traces.ingest.domain.RedactionPattern;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * The admin's read-only list of the redaction patterns ingest runs (from MicroProfile Config, README
 * "Redaction"), with the configuration entries that could not be used. Only admins see it.
 */
@Named
@RequestScoped
public class RedactionPage {

    /** One pattern as the page shows it. */
    public record Row(String name, String marker, String regex, String origin) {
    }

    @Inject
    StepRedaction redaction;

    @Inject
    ViewerAccess access;

    public boolean isAdmin() {
        return access.isAdmin();
    }

    public List<Row> getPatterns() {
        if (!access.isAdmin()) {
            return List.of();
        }
        return redaction.patterns().stream().map(RedactionPage::row).toList();
    }

    public List<String> getProblems() {
        return access.isAdmin() ? redaction.problems() : List.of();
    }

    private static Row row(RedactionPattern p) {
        return new Row(p.name(), p.marker(), p.regex().pattern(),
                p.builtIn() ? "default" : "agent.traces.redaction.patterns");
    }
}
