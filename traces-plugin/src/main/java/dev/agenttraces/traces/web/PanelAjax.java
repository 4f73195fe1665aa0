package dev.agenttraces.traces.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;

import java.util.Optional;

/**
 * What the task panel tells the page besides re-rendering it: a notice, a scroll to the focused step, the
 * timeline's paging, and the parameters the pushed refresh names. Kept apart so the panel's bean holds only
 * its state and the rules over it.
 */
final class PanelAjax {

    private PanelAjax() {
    }

    /** A short message in the panel's notice line (traces.js AT.notice), as text. */
    static void notice(String text) {
        PrimeFaces.current().executeScript("AT.notice('" + text.replace("\\", "\\\\").replace("'", "\\'") + "');");
    }

    static void scrollToFocus() {
        PrimeFaces.current().executeScript("AT.scrollToFocus();");
    }

    /** The table keeps its own paging state once paged; a jump or a new filter must override it. */
    static void pageTable(String clientId, int first) {
        FacesContext fc = FacesContext.getCurrentInstance();
        UIComponent table = fc == null ? null : fc.getViewRoot().findComponent(clientId);
        if (table instanceof DataTable dt) {
            dt.setFirst(first);
        }
    }

    /** A digits-or-uuid request parameter of the pushed refresh (anything else is ignored). */
    static Optional<String> requested(String name) {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
        return Optional.ofNullable(value).filter(v -> v.matches("[0-9]{1,18}|[0-9a-fA-F-]{36}"));
    }
}
