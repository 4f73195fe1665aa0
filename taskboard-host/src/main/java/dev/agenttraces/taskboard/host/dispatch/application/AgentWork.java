package dev.agenttraces.taskboard.host.dispatch.application;

import dev.agenttraces.taskboard.host.budget.application.BudgetGuard;
import dev.agenttraces.taskboard.model.Agent;
import dev.agenttraces.taskboard.model.AgentStatus;
import dev.agenttraces.taskboard.model.Board;
import dev.agenttraces.taskboard.model.Task;
import dev.agenttraces.taskboard.model.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.logging.Logger;

/**
 * Task work as an outside agent runtime asks for it (the demo's simulated agents, through
 * {@code DemoAgentResource}): claim the next task, deliver output, file a new task. The same rules as the
 * built-in dispatcher hold: only an online agent gets work, and only after the {@link BudgetGuard}
 * clears it, so a paused or over-budget agent is refused here too and an admin's override lets it resume.
 */
@ApplicationScoped
public class AgentWork {

    private static final Logger LOG = Logger.getLogger(AgentWork.class.getName());

    @PersistenceContext(unitName = "taskboard")
    EntityManager em;

    @Inject
    BudgetGuard guard;

    /** What a claim gave: a started task, nothing to do, or a refusal with the reason. */
    public record Claim(Outcome outcome, Task task, String reason) {

        public enum Outcome { CLAIMED, NO_WORK, PAUSED, SPEND_UNKNOWN }

        static Claim of(Outcome outcome, String reason) {
            return new Claim(outcome, null, reason);
        }
    }

    /**
     * Starts the agent's next task: a task rejected back to it first (it retries with the reviewer's
     * feedback), else the oldest To Do task assigned to it or to nobody.
     */
    @Transactional
    public Claim claim(long agentId, Instant now) {
        Agent agent = agent(agentId);
        guard.resumeIfNewPeriod(agent, now);
        if (agent.getStatus() != AgentStatus.ONLINE) {
            return Claim.of(Claim.Outcome.PAUSED, agent.getPausedReason() == null ? "Agent is " + agent.getStatus() : agent.getPausedReason());
        }
        Task task = next(agent);
        if (task == null) {
            return Claim.of(Claim.Outcome.NO_WORK, "No To Do task for " + agent.getName());
        }
        return switch (guard.clearForDispatch(agent, now)) {
            case DISPATCH -> {
                task.start(agent);
                LOG.info(() -> "Agent " + agent.getName() + " claimed task " + task.getId());
                yield new Claim(Claim.Outcome.CLAIMED, task, null);
            }
            case PAUSED -> Claim.of(Claim.Outcome.PAUSED, agent.getPausedReason());
            case SKIP_UNKNOWN_SPEND -> Claim.of(Claim.Outcome.SPEND_UNKNOWN, "The plugin did not report this agent's spend");
        };
    }

    private Task next(Agent agent) {
        return em.createQuery("select t from Task t left join t.assignee a where (t.status = :rejected and a = :agent)"
                        + " or (t.status = :todo and (a is null or a = :agent))"
                        + " order by case when t.status = :rejected then 0 else 1 end, t.id", Task.class)
                .setParameter("rejected", TaskStatus.REJECTED)
                .setParameter("todo", TaskStatus.TODO)
                .setParameter("agent", agent)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /** The agent finished: the task goes to Review when it needs approval, else to Done. */
    @Transactional
    public Task deliver(long taskId, String output, Instant now) {
        Task task = em.find(Task.class, taskId);
        if (task == null) {
            throw new NoSuchElementException("There is no task " + taskId + ".");
        }
        task.deliver(output, now);
        return task;
    }

    /** Files a new To Do task on a board (new work keeps arriving in the demo). */
    @Transactional
    public Task create(long boardId, String title, String description, boolean requiresApproval) {
        Board board = em.find(Board.class, boardId);
        if (board == null) {
            throw new NoSuchElementException("There is no board " + boardId + ".");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A task needs a title.");
        }
        Task task = new Task(board, title.strip(), description, requiresApproval);
        em.persist(task);
        return task;
    }

    public List<Agent> agents() {
        return em.createQuery("select a from Agent a order by a.id", Agent.class).getResultList();
    }

    public List<Board> boards() {
        return em.createQuery("select b from Board b order by b.id", Board.class).getResultList();
    }

    /** Every task with its board and assignee, oldest first (the demo has tens of tasks, not thousands). */
    public List<Task> tasks() {
        return em.createQuery("select t from Task t join fetch t.board left join fetch t.assignee order by t.id", Task.class)
                .getResultList();
    }

    private Agent agent(long id) {
        Agent agent = em.find(Agent.class, id);
        if (agent == null) {
            throw new NoSuchElementException("There is no agent " + id + ".");
        }
        return agent;
    }
}
