package dev.agenttraces.taskboard.host.interfaces.web;

import dev.agenttraces.taskboard.host.application.BoardQueries;
import dev.agenttraces.taskboard.model.Task;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** Task detail: what the agent produced, and the plugin panels that explain how. */
@Named
@ViewScoped
public class TaskPage implements Serializable {

    @Inject
    transient BoardQueries queries;

    private Long id;
    private Task task;

    public void load() {
        task = id == null ? null : queries.task(id).orElse(null);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Task getTask() {
        return task;
    }
}
