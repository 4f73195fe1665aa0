package dev.agenttraces.demo.agents.simulation;

import dev.agenttraces.demo.agents.host.HostClient;
import dev.agenttraces.demo.agents.host.HostTask;
import dev.agenttraces.demo.agents.http.JsonHttp;
import dev.agenttraces.demo.agents.scenario.AgentProfile;
import dev.agenttraces.demo.agents.scenario.ScenarioGenerator;
import dev.agenttraces.demo.agents.scenario.Shape;
import dev.agenttraces.demo.agents.send.JsonTraceSender;
import dev.agenttraces.demo.agents.send.OtlpTraceSender;
import dev.agenttraces.demo.agents.send.TransportChoice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.logging.Logger;

/**
 * The whole simulation: waits for the host's demo agent API, seeds the burst of finished traces, sends
 * the 20,000-step trace in the background, then (when live) keeps one worker per agent and the task
 * arrivals going until the process is stopped. With {@code demo.live=false} it ends after the burst and
 * the huge trace, which is what the integration test runs.
 */
public final class Simulation implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Simulation.class.getName());
    static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final Settings settings;
    private final HostClient host;
    private final OtlpTraceSender otlp;
    private final TaskWork work;
    private final SplittableRandom random;
    private final List<Thread> threads = new ArrayList<>();

    public Simulation(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.host = new HostClient(new JsonHttp(settings.agentToken()), settings.hostUrl());
        JsonHttp ingest = new JsonHttp(settings.ingestToken());
        this.otlp = settings.otlp() ? new OtlpTraceSender(settings.otlpEndpoint(), settings.ingestToken()) : null;
        TransportChoice transports = new TransportChoice(new JsonTraceSender(ingest, settings.tracesUrl()), otlp, ingest,
                settings.otlpEndpoint());
        this.work = new TaskWork(host, new ScenarioGenerator(random.split()), new RunPlayer(transports), settings);
    }

    public void run() {
        awaitHost();
        List<AgentProfile> agents = host.agents().stream().filter(a -> settings.simulates(a.id())).toList();
        LOG.info(() -> "Simulating " + agents.stream().map(a -> a.name() + " (" + a.model() + ")").toList()
                + (settings.live() ? "; live" : "; seed only") + (settings.otlp() ? "; OTLP on" : "; OTLP off"));
        Optional<HostTask> hugeTask = new SeedBurst(host, work, random.split()).run(agents);
        Optional<AgentProfile> scout = agents.stream().filter(a -> a.provider().equals("google")).findFirst()
                .or(() -> agents.stream().reduce((a, b) -> b));
        hugeTask.ifPresent(task -> start("huge-trace", () -> work.send(agentOf(agents, task, scout.orElseThrow()), task,
                Shape.HUGE, Instant.now().minus(Duration.ofHours(30)), false)));
        if (settings.live()) {
            for (AgentProfile agent : agents) {
                start("agent-" + agent.name(), new AgentWorker(agent, host, work, scout.map(agent::equals).orElse(false),
                        restAfterTask(agent)));
            }
            start("task-arrivals", new TaskArrivals(host));
        }
        threads.forEach(Simulation::join);
    }

    /**
     * The OpenAI agent (the demo's Analyst) rests between tasks, so it spends slowly and stays amber, past
     * its warning threshold, for a good while before its budget runs out; the others start again at once.
     */
    static Duration restAfterTask(AgentProfile agent) {
        return agent.provider().equals("openai") ? Duration.ofSeconds(45) : Duration.ofSeconds(3);
    }

    private static AgentProfile agentOf(List<AgentProfile> agents, HostTask task, AgentProfile fallback) {
        return agents.stream().filter(a -> a.id() == task.agentId()).findFirst().orElse(fallback);
    }

    private void awaitHost() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (!host.isReady()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The host's demo agent API at " + settings.hostUrl() + "/api/demo did not"
                        + " answer within " + READY_TIMEOUT.toMinutes() + " min (is taskboard.demo-agents.token set?)");
            }
            RunPlayer.sleep(Duration.ofSeconds(2));
        }
    }

    private void start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        threads.add(thread);
        thread.start();
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        if (otlp != null) {
            otlp.close();
        }
    }
}
