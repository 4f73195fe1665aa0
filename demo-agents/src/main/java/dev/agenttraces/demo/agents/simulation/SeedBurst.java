package dev.agenttraces.demo.agents.simulation;

import dev.agenttraces.demo.agents.host.HostClient;
import dev.agenttraces.demo.agents.host.HostTask;
import dev.agenttraces.demo.agents.scenario.AgentProfile;
import dev.agenttraces.demo.agents.scenario.Shape;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The first seconds of the demo: finished traces, so that a reviewer who opens the demo right away sees
 * what the product does. Each agent claims a few To Do tasks and finishes them at once, with traces from the
 * last hour, so Review has traced tasks and every kind of run exists; then the work the seed data shows as
 * delivered gets the traces that produced it, backdated over the last days (for the spend charts). Claims
 * come first so that they pass the budget guard before the history's spend counts. The 20,000-step trace
 * is the caller's, after this, since it takes longer to send.
 */
final class SeedBurst {

    private static final Logger LOG = Logger.getLogger(SeedBurst.class.getName());

    /** Per provider, the shapes its agent finishes in the burst: together they show every feature but the two big ones. */
    private static final Map<String, List<Shape>> CLAIMED = Map.of(
            "anthropic", List.of(Shape.ERROR_THEN_RETRY, Shape.REASONING_LOOP, Shape.SUB_AGENT),
            "openai", List.of(Shape.REDUNDANT_CALLS, Shape.ORDINARY),
            "google", List.of(Shape.SUB_AGENT, Shape.ORDINARY));

    private final HostClient host;
    private final TaskWork work;
    private final RandomGenerator random;

    SeedBurst(HostClient host, TaskWork work, RandomGenerator random) {
        this.host = host;
        this.work = work;
        this.random = random;
    }

    /** Runs the burst; returns the delivered task the huge trace should go on (the Google agent's), if any. */
    Optional<HostTask> run(List<AgentProfile> agents) {
        Instant now = Instant.now();
        Map<Long, AgentProfile> byId = agents.stream().collect(Collectors.toMap(AgentProfile::id, a -> a));
        List<HostTask> delivered = host.tasks().stream().filter(t -> t.isDelivered() && byId.containsKey(t.agentId())).toList();
        int claimed = 0;
        for (AgentProfile agent : agents) {
            for (Shape shape : CLAIMED.getOrDefault(agent.provider(), List.of(Shape.ORDINARY))) {
                HostClient.Claim claim = host.claim(agent.id());
                if (claim.task().isEmpty()) {
                    break;
                }
                work.perform(agent, claim.task().get(), shape, now.minus(Duration.ofMinutes(10 + random.nextInt(50))), false);
                claimed++;
            }
        }
        for (HostTask task : delivered) {
            AgentProfile agent = byId.get(task.agentId());
            Duration back = Duration.ofHours(2 + random.nextInt(60));
            work.send(agent, task, Shape.ORDINARY, now.minus(back), false);
            work.send(agent, task, Shape.ORDINARY, now.minus(back.dividedBy(2).plusMinutes(30)), false);
        }
        int total = claimed;
        LOG.info(() -> "Seed burst done: traces for " + delivered.size() + " delivered tasks, " + total + " tasks finished");
        return delivered.stream().filter(t -> "google".equals(byId.get(t.agentId()).provider())).findFirst();
    }
}
