package dev.agenttraces.taskboard.host.application;

import dev.agenttraces.taskboard.model.Board;
import dev.agenttraces.taskboard.model.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Read side of boards and tasks, shaped for the host's pages. */
@ApplicationScoped
public class BoardQueries {

    @PersistenceContext(unitName = "taskboard")
    private EntityManager em;

    public List<Board> boards() {
        return em.createQuery("select distinct b from Board b left join fetch b.members order by b.name", Board.class).getResultList();
    }

    public Optional<Board> board(long id) {
        return Optional.ofNullable(em.find(Board.class, id));
    }

    public List<Task> tasksOf(Board board) {
        return em.createQuery("select t from Task t left join fetch t.assignee where t.board = :b order by t.id", Task.class)
                .setParameter("b", board)
                .getResultList();
    }

    public Optional<Task> task(long id) {
        return em.createQuery("select t from Task t join fetch t.board left join fetch t.assignee where t.id = :id", Task.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }
}
