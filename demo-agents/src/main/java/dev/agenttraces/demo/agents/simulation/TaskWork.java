package dev.agenttraces.demo.agents.simulation;

import dev.agenttraces.demo.agents.host.HostClient;
import dev.agenttraces.demo.agents.host.HostTask;
import dev.agenttraces.demo.agents.scenario.AgentProfile;
import dev.agenttraces.demo.agents.scenario.Run;
import dev.agenttraces.demo.agents.scenario.ScenarioGenerator;
import dev.agenttraces.demo.agents.scenario.Shape;
import dev.agenttraces.demo.agents.scenario.Transport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * One agent doing one claimed task: writes the runs of the chosen shape, sends each (a failed run, then its
 * retry), and delivers the output to the host, which moves the task to Review or Done. Which transport a
 * run is meant for is decided here: the OpenAI agent exports every run over OTLP, the Anthropic one every
 * other run, the Google one none; the huge and the long-running traces always use JSON.
 */
final class TaskWork {

    private static final Logger LOG = Logger.getLogger(TaskWork.class.getName());

    private final HostClient host;
    private final ScenarioGenerator generator;
    private final RunPlayer player;
    private final Settings settings;
    private final AtomicInteger runs = new AtomicInteger();

    TaskWork(HostClient host, ScenarioGenerator generator, RunPlayer player, Settings settings) {
        this.host = host;
        this.generator = generator;
        this.player = player;
        this.settings = settings;
    }

    /** Does the task: live (in real time from now) or as history starting at {@code start}; then delivers it. */
    void perform(AgentProfile agent, HostTask task, Shape shape, Instant start, boolean live) {
        send(agent, task, shape, start, live);
        host.deliver(task.id(), Output.of(agent, task));
    }

    /** Sends the runs without touching the task (history for work the board shows as delivered). */
    List<Run> send(AgentProfile agent, HostTask task, Shape shape, Instant start, boolean live) {
        List<Run> planned;
        synchronized (generator) {
            planned = generator.runs(shape, agent, task.brief(), start, live ? settings.stepPause() : Duration.ZERO,
                    shape == Shape.HUGE ? settings.hugeSteps() : settings.longRunSteps());
        }
        List<Run> sent = planned.stream().map(run -> player.play(run.withTransport(transport(agent, shape)), live)).toList();
        sent.forEach(run -> LOG.info(() -> String.format("%s %s task %d: %s trace %s, %d steps via %s%s", agent.name(),
                live ? "worked on" : "recorded", task.id(), shape, run.id(), run.steps().size(), run.transport(),
                run.failed() ? " (failed)" : "")));
        return sent;
    }

    private Transport transport(AgentProfile agent, Shape shape) {
        if (!settings.otlp() || shape == Shape.HUGE || shape == Shape.LONG_RUNNING) {
            return Transport.JSON;
        }
        return switch (agent.provider()) {
            case "openai" -> Transport.OTLP;
            case "anthropic" -> runs.incrementAndGet() % 2 == 0 ? Transport.OTLP : Transport.JSON;
            default -> Transport.JSON;
        };
    }

    /** The output the agent hands in: what a reviewer reads beside the trace. */
    static final class Output {

        private Output() {
        }

        static String of(AgentProfile agent, HostTask task) {
            return agent.name() + " worked on \"" + task.title() + "\".\n\n"
                    + (task.feedback() == null ? "" : "Addressed the reviewer's feedback: " + task.feedback() + "\n\n")
                    + "- Read the relevant code and notes\n- Made the change in small steps\n- Ran the checks; all passed\n\n"
                    + "The trace beside this output shows every step, its tokens and its cost.";
        }
    }
}
