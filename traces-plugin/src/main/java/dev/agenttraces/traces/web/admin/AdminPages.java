package dev.agenttraces.traces.web.admin;

import dev.agenttraces.traces.access.application.ViewerAccess;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** What the admin pages share: the messages they show, and the admin check their actions repeat. */
final class AdminPages {

    private AdminPages() {
    }

    /** A message for the page's messages component (not bound to a field). */
    static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    /** Whether the viewer is an admin; when not, an error message says that only administrators can {@code what}. */
    static boolean checkAdmin(ViewerAccess access, String what) {
        if (!access.isAdmin()) {
            message(FacesMessage.SEVERITY_ERROR, "Only administrators can " + what + ".");
            return false;
        }
        return true;
    }
}
