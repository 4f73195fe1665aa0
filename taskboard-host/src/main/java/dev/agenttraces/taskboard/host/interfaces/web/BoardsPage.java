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
    transient BoardQueries queries;

    @Inject
    transient CurrentUser user;

    private List<Board> boards;

    @PostConstruct
    void load() {
        boards = user.isAdmin() ? queries.boards() : queries.boardsOf(user.getUsername());
    }

    public List<Board> getBoards() {
        return boards;
    }
}
