package dev.agenttraces.traces.web.admin;

import dev.agenttraces.traces.access.application.ViewerAccess;
import dev.agenttraces.traces.retention.application.RetentionService;
import dev.agenttraces.traces.retention.domain.RetentionAlreadyRunning;
import dev.agenttraces.traces.retention.domain.RetentionPreview;
import dev.agenttraces.traces.retention.domain.RetentionRule;
import dev.agenttraces.traces.retention.domain.RetentionRun;
import dev.agenttraces.traces.shared.Rejection;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.agenttraces.traces.web.admin.AdminPages.message;

/**
 * The admin screen of retention (admin/retention.xhtml): per board, the period in force (its own or the global
 * one), the cutoff of the next run and what it would remove (traces, steps, cost, the oldest trace's start); each
 * board's own period is editable, and "Run now" starts a run at once, whose progress is read back from the
 * database. Every action re-checks that the viewer is an admin through {@link ViewerAccess}.
 */
@Named
@ViewScoped
public class RetentionPage implements Serializable {

    @Inject
    RetentionService retention;

    @Inject
    ViewerAccess access;

    private List<RetentionPreview> boards = List.of();
    private final Map<Long, String> days = new HashMap<>();
    private RetentionRun run;

    @PostConstruct
    void load() {
        if (access.isAdmin()) {
            refresh();
        }
    }

    private void refresh() {
        boards = retention.preview(Instant.now());
        days.clear();
        boards.forEach(b -> days.put(b.board().boardId(), b.board().days() == null ? "" : b.board().days().toString()));
        run = retention.latest().orElse(null);
    }

    /** Saves the boards' own periods that changed (empty: the global period); nothing when one is not a period. */
    public void save() {
        if (!checkAdmin()) {
            return;
        }
        try {
            Map<Long, Integer> changed = new LinkedHashMap<>();
            for (RetentionPreview b : boards) {
                Integer wanted = parse(b.board().boardName(), days.get(b.board().boardId()));
                if (!Objects.equals(wanted, b.board().days())) {
                    changed.put(b.board().boardId(), wanted);
                }
            }
            changed.forEach((board, wanted) -> retention.setBoardDays(board, wanted, access.username()));
            message(FacesMessage.SEVERITY_INFO, changed.isEmpty() ? "Nothing changed."
                    : "Retention saved for " + changed.size() + (changed.size() == 1 ? " board." : " boards."));
            refresh();
        } catch (Rejection e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
    }

    /** A typed period: empty is null (the global period), else a whole number of days; the service checks its range. */
    private static Integer parse(String board, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            int days = Integer.parseInt(text);
            if (RetentionRule.isValid(days)) {
                return days;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Rejection.invalid("days", board + ": a period is 0 (keep forever) to " + RetentionRule.MAX_DAYS
                + " days, or empty for the global period.");
    }

    public void runNow() {
        if (!checkAdmin()) {
            return;
        }
        try {
            retention.start(access.username());
            message(FacesMessage.SEVERITY_INFO, "Retention run started.");
        } catch (RetentionAlreadyRunning e) {
            message(FacesMessage.SEVERITY_WARN, e.getMessage());
        }
        run = retention.latest().orElse(null);
    }

    /** The poll while a run runs; the preview is read again once it has finished. */
    public void refreshRun() {
        if (!access.isAdmin()) {
            return;
        }
        run = retention.latest().orElse(null);
        if (run == null || !run.running()) {
            refresh();
        }
    }

    private boolean checkAdmin() {
        return AdminPages.checkAdmin(access, "change retention");
    }

    public boolean isAdmin() {
        return access.isAdmin();
    }

    public int getGlobalDays() {
        return retention.globalDays();
    }

    public List<RetentionPreview> getBoards() {
        return boards;
    }

    public Map<Long, String> getDays() {
        return days;
    }

    public RetentionRun getRun() {
        return run;
    }

    public boolean isRunning() {
        return run != null && run.running();
    }
}
