package dev.agenttraces.demo.agents.scenario;

/**
 * What a step of a simulated run is. The JSON ingest has a step type for each except {@link #LLM_CALL},
 * sent as {@code reasoning} (the model's markdown reasoning, with its tokens); {@link #SUB_AGENT} is a tool
 * call that hands part of the work to a child agent, whose steps name it as their parent.
 */
public enum StepKind {
    SYSTEM("system"),
    LLM_CALL("reasoning"),
    TOOL_CALL("tool_call"),
    SUB_AGENT("tool_call"),
    TOOL_RESULT("tool_result"),
    ERROR("error");

    private final String wireType;

    StepKind(String wireType) {
        this.wireType = wireType;
    }

    /** The JSON ingest API's step type. */
    public String wireType() {
        return wireType;
    }
}
