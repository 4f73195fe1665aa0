package dev.agenttraces.traces.views;

import dev.agenttraces.taskboard.model.Task;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;

/** The panel the host shows on its task detail page (extension point task-detail/panel/v1). */
@Named
@ViewScoped
public class TaskPanel implements Serializable {

    @PersistenceContext(unitName = "traces")
    transient EntityManager em;

    private Long taskId;
    private Task task;

    public void load() {
        if (taskId != null) {
            task = em.createQuery("select t from Task t join fetch t.board left join fetch t.assignee where t.id = :id", Task.class)
                    .setParameter("id", taskId)
                    .getResultStream().findFirst().orElse(null);
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
