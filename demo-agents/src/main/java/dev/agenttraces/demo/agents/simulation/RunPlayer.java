package dev.agenttraces.demo.agents.simulation;

import dev.agenttraces.demo.agents.scenario.Run;
import dev.agenttraces.demo.agents.scenario.Step;
import dev.agenttraces.demo.agents.send.TransportChoice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends a run either at once (history: batches of {@value #BATCH} steps, as an agent uploading a finished
 * trace) or live: each step when the run's clock says it ended, so the trace grows in front of a reviewer.
 */
final class RunPlayer {

    private static final Logger LOG = Logger.getLogger(RunPlayer.class.getName());
    static final int BATCH = 1_000;

    private final TransportChoice transports;

    RunPlayer(TransportChoice transports) {
        this.transports = transports;
    }

    /** Sends the run; returns it as sent (its transport may have fallen back to JSON). */
    Run play(Run planned, boolean live) {
        TransportChoice.Choice choice = transports.forRun(planned);
        Run run = choice.run();
        choice.sender().start(run);
        List<Step> steps = run.steps();
        if (live) {
            int next = 0;
            while (next < steps.size()) {
                sleepUntil(steps.get(next).endedAt());
                List<Step> due = new ArrayList<>();
                while (next < steps.size() && !steps.get(next).endedAt().isAfter(Instant.now())) {
                    due.add(steps.get(next++));
                }
                if (!due.isEmpty()) {
                    choice.sender().append(run, due);
                }
            }
            sleepUntil(run.completedAt());
        } else {
            for (int from = 0; from < steps.size(); from += BATCH) {
                choice.sender().append(run, steps.subList(from, Math.min(steps.size(), from + BATCH)));
            }
        }
        choice.sender().finish(run);
        LOG.fine(() -> "Sent " + run.id() + " (" + steps.size() + " steps, " + run.transport() + ")");
        return run;
    }

    static void sleepUntil(Instant when) {
        long ms = Duration.between(Instant.now(), when).toMillis();
        if (ms > 0) {
            sleep(Duration.ofMillis(ms));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped", e);
        }
    }
}
