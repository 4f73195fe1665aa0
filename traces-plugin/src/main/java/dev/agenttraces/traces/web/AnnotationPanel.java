package dev.agenttraces.traces.web;

import dev.agenttraces.traces.review.application.Annotations;
import dev.agenttraces.traces.review.domain.Annotation;
import dev.agenttraces.traces.review.domain.AnnotationLabel;
import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * Annotating steps in the task panel: the form in an expanded step (label and short note), the annotations shown
 * on their steps and listed in the review summary. The open trace's annotations are read once and again after
 * each save.
 */
@Named
@ViewScoped
public class AnnotationPanel implements Serializable {

    @Inject
    Annotations annotations;

    private UUID traceId;
    private List<Annotation> list = List.of();
    private Boolean mayAnnotate;
    private AnnotationLabel label;
    private String note;

    /** The trace's annotations in step order. */
    public List<Annotation> list(TraceSummary trace) {
        if (trace == null) {
            return List.of();
        }
        if (!trace.id().equals(traceId)) {
            traceId = trace.id();
            list = annotations.ofTrace(traceId);
        }
        return list;
    }

    public List<Annotation> of(TraceSummary trace, int seq) {
        return list(trace).stream().filter(a -> a.seq() == seq).toList();
    }

    public boolean isMayAnnotate() {
        if (mayAnnotate == null) {
            mayAnnotate = annotations.mayAnnotate();
        }
        return mayAnnotate;
    }

    /** Saves the form's annotation on a step of the open trace. */
    public void save(TraceSummary trace, int seq) {
        FacesContext fc = FacesContext.getCurrentInstance();
        try {
            annotations.annotate(trace.id(), seq, label, note);
            traceId = null;
            label = null;
            note = null;
            fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Annotation saved on step " + seq + ".", null));
        } catch (Rejection e) {
            fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, e.getMessage(), null));
        }
    }

    public AnnotationLabel[] getLabels() {
        return AnnotationLabel.values();
    }

    public AnnotationLabel getLabel() {
        return label;
    }

    public void setLabel(AnnotationLabel label) {
        this.label = label;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
