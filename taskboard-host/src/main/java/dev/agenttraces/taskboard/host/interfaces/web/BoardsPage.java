package dev.agenttraces.taskboard.host.interfaces.web;

import dev.agenttraces.taskboard.host.application.BoardQueries;
import dev.agenttraces.taskboard.host.security.CurrentUser;
import dev.agenttraces.taskboard.model.Board;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The boards list, the host's home page: only the boards the user is a member of (admins: all). */
@Named
@ViewScoped
public class BoardsPage implements Serializable {

    @Inject
    BoardQueries queries;

    @Inject
    CurrentUser user;

    /** Entities, so not kept with the view in the (replicated) session: read again after a failover. */
    private transient List<Board> boards;

    @PostConstruct
    void load() {
        boards = user.isAdmin() ? queries.boards() : queries.boardsOf(user.getUsername());
    }

    public List<Board> getBoards() {
        if (boards == null) {
            load();
        }
        return boards;
    }
}
