package dev.agenttraces.demo.agents.simulation;

import dev.agenttraces.demo.agents.host.HostClient;
import dev.agenttraces.demo.agents.scenario.AgentProfile;
import dev.agenttraces.demo.agents.scenario.Shape;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One simulated agent, live: asks the host for work, does it in real time (steps a few seconds apart) and
 * asks again. A paused agent gets no work from the host (the budget guard refuses the claim), so it waits
 * and asks again later; an admin's "Override & resume" puts it back to work. Shapes rotate so every kind
 * of run keeps appearing; the first live run of {@code longRunner} is the long-running trace. After each
 * task the agent rests for {@code rest}, which sets how fast it spends.
 */
final class AgentWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(AgentWorker.class.getName());
    private static final List<Shape> ROTATION = List.of(Shape.ORDINARY, Shape.REDUNDANT_CALLS, Shape.SUB_AGENT,
            Shape.ORDINARY, Shape.REASONING_LOOP, Shape.ERROR_THEN_RETRY);
    static final Duration IDLE = Duration.ofSeconds(8);
    static final Duration PAUSED_RETRY = Duration.ofSeconds(15);

    private final AgentProfile agent;
    private final HostClient host;
    private final TaskWork work;
    private final boolean longRunner;
    private final Duration rest;
    private int done;
    private String lastRefusal;

    AgentWorker(AgentProfile agent, HostClient host, TaskWork work, boolean longRunner, Duration rest) {
        this.rest = rest;
        this.agent = agent;
        this.host = host;
        this.work = work;
        this.longRunner = longRunner;
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                RunPlayer.sleep(step());
            } catch (IllegalStateException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                LOG.log(Level.WARNING, agent.name() + ": " + e.getMessage() + "; trying again shortly", e);
                RunPlayer.sleep(PAUSED_RETRY);
            }
        }
    }

    /** One claim and, if it gave a task, the work on it; returns how long to wait before the next claim. */
    private Duration step() {
        HostClient.Claim claim = host.claim(agent.id());
        if (claim.isConflict()) {
            return Duration.ofSeconds(2); // another agent took that task a moment ago: just ask again
        }
        if (claim.refusal() != null) {
            if (!Objects.equals(claim.refusal(), lastRefusal)) {
                LOG.info(() -> agent.name() + " gets no work: " + claim.refusal());
            }
            lastRefusal = claim.refusal();
            return PAUSED_RETRY;
        }
        if (lastRefusal != null) {
            LOG.info(() -> agent.name() + " is back to work");
            lastRefusal = null;
        }
        if (claim.task().isEmpty()) {
            return IDLE;
        }
        Shape shape = longRunner && done == 0 ? Shape.LONG_RUNNING : ROTATION.get(done % ROTATION.size());
        work.perform(agent, claim.task().get(), shape, Instant.now(), true);
        done++;
        return rest;
    }
}
