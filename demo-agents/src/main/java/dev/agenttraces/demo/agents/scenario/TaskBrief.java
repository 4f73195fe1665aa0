package dev.agenttraces.demo.agents.scenario;

/** The task a run works on, as the host hands it out; {@code feedback} is a reviewer's, after a rejection. */
public record TaskBrief(long id, String title, String description, String feedback) {
}
