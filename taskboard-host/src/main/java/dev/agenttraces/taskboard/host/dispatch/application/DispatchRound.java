package dev.agenttraces.taskboard.host.dispatch.application;

import dev.agenttraces.taskboard.host.budget.application.BudgetGuard;
import dev.agenttraces.taskboard.model.Agent;
import dev.agenttraces.taskboard.model.AgentStatus;
import dev.agenttraces.taskboard.model.Task;
import dev.agenttraces.taskboard.model.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * One dispatcher round. Each public step is its own transaction, so a failure in one (say, a task
 * edited concurrently) loses nothing the other steps did.
 */
@ApplicationScoped
public class DispatchRound {

    private static final Logger LOG = Logger.getLogger(DispatchRound.class.getName());

    @PersistenceContext(unitName = "taskboard")
    EntityManager em;

    @Inject
    BudgetGuard guard;

    @Inject
    DispatchRound self;

    public void run() {
        Instant now = Instant.now();
        self.resumeAgentsInANewPeriod(now);
        self.deliverStartedWork(now);
        self.dispatchToDoTasks(now);
    }

    @Transactional
    public void resumeAgentsInANewPeriod(Instant now) {
        em.createQuery("select a from Agent a where a.status = :s", Agent.class)
                .setParameter("s", AgentStatus.PAUSED)
                .getResultList()
                .forEach(a -> guard.resumeIfNewPeriod(a, now));
    }

    /** Work started last round is finished now: to Review when it needs approval, else Done. */
    @Transactional
    public void deliverStartedWork(Instant now) {
        for (Task task : em.createQuery("select t from Task t join fetch t.assignee a where t.status = :s and a.status = :online", Task.class)
                .setParameter("s", TaskStatus.IN_PROGRESS)
                .setParameter("online", AgentStatus.ONLINE)
                .getResultList()) {
            task.deliver(DemoOutput.forTask(task), now);
            LOG.info(() -> "Agent " + task.getAssignee().getName() + " delivered task " + task.getId());
        }
    }

    /** Starts each To Do task on its assignee, or on an online agent, if the budget guard clears it. */
    @Transactional
    public void dispatchToDoTasks(Instant now) {
        List<Agent> online = em.createQuery("select a from Agent a where a.status = :s order by a.id", Agent.class)
                .setParameter("s", AgentStatus.ONLINE)
                .getResultList();
        List<Task> todo = em.createQuery("select t from Task t left join fetch t.assignee where t.status = :s order by t.id", Task.class)
                .setParameter("s", TaskStatus.TODO)
                .setMaxResults(10)
                .getResultList();
        for (Task task : todo) {
            Agent agent = task.getAssignee() != null ? task.getAssignee()
                    : online.isEmpty() ? null : online.get((int) (task.getId() % online.size()));
            if (agent == null || agent.getStatus() != AgentStatus.ONLINE) {
                continue;
            }
            if (guard.clearForDispatch(agent, now) == BudgetGuard.Decision.DISPATCH) {
                task.start(agent);
                LOG.info(() -> "Dispatched task " + task.getId() + " to agent " + agent.getName());
            }
        }
    }
}
