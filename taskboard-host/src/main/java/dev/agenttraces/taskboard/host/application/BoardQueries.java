package dev.agenttraces.taskboard.host.application;

import dev.agenttraces.taskboard.model.Board;
import dev.agenttraces.taskboard.model.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/**
 * Read side of boards and tasks, shaped for the host's pages. Membership filtering happens in the
 * queries (not after loading) so a board a user may not see never leaves the database for them.
 */
@ApplicationScoped
public class BoardQueries {

    @PersistenceContext(unitName = "taskboard")
    private EntityManager em;

    /** Every board, for admins and for code that is not acting for a person. */
    public List<Board> boards() {
        return em.createQuery("select distinct b from Board b left join fetch b.members order by b.name", Board.class).getResultList();
    }

    /** The boards {@code username} is a member of. */
    public List<Board> boardsOf(String username) {
        return em.createQuery("select distinct b from Board b left join fetch b.members where b.id in"
                        + " (select b2.id from Board b2 join b2.members m where m.username = :u) order by b.name", Board.class)
                .setParameter("u", username)
                .getResultList();
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
