package dev.agenttraces.taskboard.host.application;

import dev.agenttraces.taskboard.host.security.CurrentUser;
import dev.agenttraces.taskboard.model.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * A reviewer's verdict on a task in Review. Checks the role and the board membership again on the
 * server, whatever the page showed, and lets the task's own transitions reject a stale verdict (the
 * task's version guards against two reviewers deciding at once).
 */
@ApplicationScoped
public class TaskReview {

    @PersistenceContext(unitName = "taskboard")
    EntityManager em;

    @Inject
    CurrentUser user;

    @Transactional
    public void approve(long taskId) {
        reviewable(taskId).approve();
    }

    @Transactional
    public void reject(long taskId, String feedback) {
        reviewable(taskId).reject(feedback);
    }

    private Task reviewable(long taskId) {
        Task task = em.find(Task.class, taskId, LockModeType.OPTIMISTIC);
        if (task == null || !user.canSeeBoard(task.getBoard().getId())) {
            throw new IllegalStateException("Task " + taskId + " does not exist or is not on one of your boards.");
        }
        if (!user.isReviewer()) {
            throw new IllegalStateException("Only reviewers can approve or reject work.");
        }
        return task;
    }
}
