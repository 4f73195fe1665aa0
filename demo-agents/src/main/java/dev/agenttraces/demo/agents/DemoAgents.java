package dev.agenttraces.demo.agents;

import dev.agenttraces.demo.agents.simulation.Settings;
import dev.agenttraces.demo.agents.simulation.Simulation;

/**
 * Entry point of the demo's simulated agents ({@code bin/demo} starts it in the background once the
 * server is ready; {@code DEMO_AGENTS=off bin/demo} does not). Configuration: {@link Settings}.
 */
public final class DemoAgents {

    private DemoAgents() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT [demo-agents] %4$s %5$s%6$s%n");
        }
        try (Simulation simulation = new Simulation(Settings.fromEnvironment())) {
            simulation.run();
        }
    }
}
