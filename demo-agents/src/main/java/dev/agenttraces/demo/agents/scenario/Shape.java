package dev.agenttraces.demo.agents.scenario;

/**
 * The kinds of run the simulator plays. Each shows one thing a reviewer should find in a trace (see
 * {@link Feature}); {@link #ERROR_THEN_RETRY} is two runs on one task.
 */
public enum Shape {
    ORDINARY,
    REASONING_LOOP,
    REDUNDANT_CALLS,
    SUB_AGENT,
    ERROR_THEN_RETRY,
    HUGE,
    LONG_RUNNING
}
