package dev.agenttraces.demo.agents.send;

import dev.agenttraces.demo.agents.scenario.Run;
import dev.agenttraces.demo.agents.scenario.Step;

import java.util.List;

/**
 * Sends one run to the plugin the way an agent would, in three moves: start, append steps (as they
 * happen, in batches), finish. A sender may keep per-run state between the moves; it is dropped on finish.
 */
public interface TraceSender {

    void start(Run run);

    void append(Run run, List<Step> steps);

    void finish(Run run);
}
