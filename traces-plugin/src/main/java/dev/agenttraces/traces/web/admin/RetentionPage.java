package dev.agenttraces.traces.web.admin;

import dev.agenttraces.traces.access.application.ViewerAccess;
import dev.agenttraces.traces.retention.application.RetentionService;
import dev.agenttraces.traces.retention.domain.RetentionAlreadyRunning;
import dev.agenttraces.traces.retention.domain.RetentionPreview;
import dev.agenttraces.traces.retention.domain.RetentionRun;
import dev.agenttraces.traces.shared.Rejection;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    transient RetentionService retention;

    @Inject
    ViewerAccess access;

    private List<RetentionPreview> boards = List.of();
    private final Map<Long, Integer> days = new HashMap<>();
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
        boards.forEach(b -> days.put(b.board().boardId(), b.board().days()));
        run = retention.latest().orElse(null);
    }

    /** Saves the boards' own periods that changed (empty: the global period). */
    public void save() {
        if (!checkAdmin()) {
            return;
        }
        int changed = 0;
        try {
            for (RetentionPreview b : boards) {
                Integer wanted = days.get(b.board().boardId());
                if (!Objects.equals(wanted, b.board().days())) {
                    retention.setBoardDays(b.board().boardId(), wanted, access.username());
                    changed++;
                }
            }
            message(FacesMessage.SEVERITY_INFO, changed == 0 ? "Nothing changed."
                    : "Retention saved for " + changed + (changed == 1 ? " board." : " boards."));
        } catch (Rejection e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        refresh();
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
        if (!access.isAdmin()) {
            message(FacesMessage.SEVERITY_ERROR, "Only administrators can change retention.");
            return false;
        }
        return true;
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
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

    public Map<Long, Integer> getDays() {
        return days;
    }

    public RetentionRun getRun() {
        return run;
    }

    public boolean isRunning() {
        return run != null && run.running();
    }
}
