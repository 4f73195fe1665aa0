package dev.agenttraces.taskboard.host.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.UncheckedIOException;

/** What every screen does the same way: refuse access with a real 403, and show a message. */
final class Pages {

    private Pages() {
    }

    /** Answers 403 (the forbidden error page) instead of rendering the view; nothing of it is sent. */
    static void forbid() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(403, "Not one of your boards");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    static void info(String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, null));
    }

    static void error(String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /**
     * The message to show for a failed action: the domain's own words when a rule refused it (possibly
     * wrapped by the transaction interceptor), a generic apology for anything else.
     */
    static String messageOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
                return t.getMessage();
            }
        }
        return "The change could not be saved; please reload and try again.";
    }
}
