package dev.agenttraces.demo.agents.scenario;

/**
 * What a run shows a reviewer; issue 11 asks the demo to show each at least once, and the generator's
 * tests check that it does.
 */
public enum Feature {
    MARKDOWN_REASONING,
    LLM_MESSAGES,
    TOOL_CALLS,
    ERROR,
    RETRY,
    SUB_AGENT,
    REASONING_LOOP,
    REDUNDANT_TOOL_CALLS,
    UNPRICED_MODEL,
    HUGE,
    LONG_RUNNING
}
