package dev.agenttraces.taskboard.host.interfaces.web;

import dev.agenttraces.taskboard.host.contract.PluginAnnotations;
import dev.agenttraces.taskboard.host.application.BoardQueries;
import dev.agenttraces.taskboard.host.application.TaskReview;
import dev.agenttraces.taskboard.host.security.CurrentUser;
import dev.agenttraces.taskboard.model.Task;
import dev.agenttraces.taskboard.model.TaskStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * Task detail: what the agent produced, the plugin panels that explain how, and the reviewer's
 * Approve / Reject-with-feedback while the task is in Review. A task on someone else's board answers
 * 403 before anything of it is rendered.
 */
@Named
@ViewScoped
public class TaskPage implements Serializable {

    @Inject
    BoardQueries queries;

    @Inject
    TaskReview review;

    @Inject
    CurrentUser user;

    private Long id;
    /** An entity, so not kept with the view in the (replicated) session: read again after a failover. */
    private transient Task task;
    private transient boolean loaded;
    private String feedback;
    private boolean withAnnotations = true;

    @Inject
    PluginAnnotations annotations;

    /** Called by {@code f:viewAction} once the id parameter is set. */
    public void load() {
        loaded = true;
        task = id == null ? null : queries.task(id).orElse(null);
        if (task != null && !user.canSeeBoard(task.getBoard().getId())) {
            task = null;
            Pages.forbid();
        }
    }

    public boolean isReviewable() {
        return getTask() != null && task.getStatus() == TaskStatus.REVIEW && user.isReviewer();
    }

    public void approve() {
        decide(() -> review.approve(getTask().getId()), "Approved: the task is done.");
    }

    /** Rejects with the typed feedback and, when asked, the steps annotated in the traces plugin after it. */
    public void reject() {
        String text = feedback;
        if (withAnnotations && getTask() != null) {
            text = annotations.feedback(task.getId()).map(a -> feedback + "\n\n" + a).orElse(feedback);
        }
        String sent = text.length() > MAX_FEEDBACK ? text.substring(0, MAX_FEEDBACK) : text;
        decide(() -> review.reject(task.getId(), sent), "Rejected; the feedback was saved for the agent.");
        feedback = null;
    }

    /** The longest feedback kept (the task's column). */
    static final int MAX_FEEDBACK = 10_000;

    public boolean isWithAnnotations() {
        return withAnnotations;
    }

    public void setWithAnnotations(boolean withAnnotations) {
        this.withAnnotations = withAnnotations;
    }

    private void decide(Runnable verdict, String done) {
        try {
            verdict.run();
            Pages.info(done);
        } catch (RuntimeException e) {
            Pages.error(Pages.messageOf(e));
        }
        task = queries.task(id).orElse(null);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Task getTask() {
        if (!loaded) {
            load();
        }
        return task;
    }

    public String getFeedback() {
        return feedback;
    }

    public void setFeedback(String feedback) {
        this.feedback = feedback;
    }
}
