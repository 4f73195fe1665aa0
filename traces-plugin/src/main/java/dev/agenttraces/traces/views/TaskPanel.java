package dev.agenttraces.traces.views;

import dev.agenttraces.taskboard.model.Task;
import dev.agenttraces.traces.hostcontract.Viewer;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;

/**
 * The panel the host shows on its task detail page (extension point task-detail/panel/v1). A task of
 * a board the viewer is not a member of reads exactly like a missing one.
 */
@Named
@ViewScoped
public class TaskPanel implements Serializable {

    @PersistenceContext(unitName = "traces")
    transient EntityManager em;

    @Inject
    transient Viewer viewer;

    private Long taskId;
    private Task task;

    public void load() {
        if (taskId != null) {
            task = em.createQuery("select t from Task t join fetch t.board left join fetch t.assignee where t.id = :id", Task.class)
                    .setParameter("id", taskId)
                    .getResultStream().findFirst()
                    .filter(t -> viewer.canSeeBoard(t.getBoard().getId()))
                    .orElse(null);
        }
    }

    public Long getTaskId() {
        return taskId;
    }

    public void setTaskId(Long taskId) {
        this.taskId = taskId;
    }

    public Task getTask() {
        return task;
    }
}
