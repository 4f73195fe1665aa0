package dev.agenttraces.taskboard.host.interfaces.web;

import dev.agenttraces.taskboard.host.application.BoardQueries;
import dev.agenttraces.taskboard.model.Board;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The boards list, the host's home page. */
@Named
@ViewScoped
public class BoardsPage implements Serializable {

    @Inject
    transient BoardQueries queries;

    private List<Board> boards;

    @PostConstruct
    void load() {
        boards = queries.boards();
    }

    public List<Board> getBoards() {
        return boards;
    }
}
