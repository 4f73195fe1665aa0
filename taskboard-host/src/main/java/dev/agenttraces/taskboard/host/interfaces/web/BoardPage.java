package dev.agenttraces.taskboard.host.interfaces.web;

import dev.agenttraces.taskboard.host.application.BoardQueries;
import dev.agenttraces.taskboard.host.security.CurrentUser;
import dev.agenttraces.taskboard.model.Board;
import dev.agenttraces.taskboard.model.Task;
import dev.agenttraces.taskboard.model.TaskStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One board as kanban columns, one per task status. */
@Named
@ViewScoped
public class BoardPage implements Serializable {

    @Inject
    BoardQueries queries;

    @Inject
    CurrentUser user;

    private Long id;
    /** Entities, so not kept with the view in the (replicated) session: read again after a failover. */
    private transient Board board;
    private transient Map<TaskStatus, List<Task>> columns;
    private transient boolean loaded;

    /** Called by {@code f:viewAction} once the id parameter is set. */
    public void load() {
        loaded = true;
        columns = new EnumMap<>(TaskStatus.class);
        board = id == null ? null : queries.board(id).orElse(null);
        if (board != null && !user.canSeeBoard(board.getId())) {
            board = null;
            Pages.forbid();
            return;
        }
        if (board != null) {
            columns = queries.tasksOf(board).stream()
                    .collect(Collectors.groupingBy(Task::getStatus, () -> new EnumMap<>(TaskStatus.class), Collectors.toList()));
        }
    }

    public List<TaskStatus> getStatuses() {
        return Arrays.asList(TaskStatus.values());
    }

    public List<Task> tasksIn(TaskStatus status) {
        loaded();
        return columns.getOrDefault(status, List.of());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Board getBoard() {
        loaded();
        return board;
    }

    /** Reads the board again when this view came from another server's session, without its entities. */
    private void loaded() {
        if (!loaded) {
            load();
        }
    }
}
