package dev.agenttraces.demo.agents.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The mechanics shared by every scenario: numbering steps, advancing the run's clock by realistic
 * durations, keeping the conversation the next LLM call is sent, and growing the context so that token
 * counts follow it (what was read before is served from the prompt cache). Not thread-safe; one per run.
 */
final class RunBuilder {

    private static final int MESSAGES_KEPT = 8;

    private final RandomGenerator random;
    private final AgentProfile agent;
    private final long taskId;
    private final UUID id;
    private final Instant start;
    private final List<Step> steps = new ArrayList<>();
    private final List<Message> conversation = new ArrayList<>();
    private final Set<Feature> features = EnumSet.noneOf(Feature.class);
    private final Duration pause;
    private Instant clock;
    private long context = ModelCatalogue.SYSTEM_PROMPT_TOKENS;
    private Integer parent;
    private String model;
    private int calls;
    private String pendingErrorType;

    RunBuilder(RandomGenerator random, AgentProfile agent, long taskId, UUID id, Instant start, Duration pause) {
        this.random = random;
        this.agent = agent;
        this.taskId = taskId;
        this.id = id;
        this.start = start;
        this.clock = start;
        this.pause = pause;
        this.model = agent.model();
    }

    RunBuilder feature(Feature feature) {
        features.add(feature);
        return this;
    }

    AgentProfile agentProfile() {
        return agent;
    }

    int stepCount() {
        return steps.size();
    }

    void system(String prompt, String userMessage) {
        conversation.add(Message.of("system", prompt));
        conversation.add(Message.of("user", userMessage));
        add(StepKind.SYSTEM, "**System prompt** (" + ModelCatalogue.SYSTEM_PROMPT_TOKENS + " tokens, tools: "
                + "read_file, search_code, run_tests, edit_file, web_search, run_subagent)\n\n" + prompt
                + "\n\n**User:** " + userMessage, null, null, null, null, Usage.NONE, 5, null);
    }

    /**
     * An LLM call whose answer is {@code markdown}; {@code fresh} tokens are new to the context. A run's first
     * call reads the whole prompt; an Anthropic agent's first call writes it to the prompt cache (Anthropic's
     * {@code cache_creation}, billed at a premium), so its system prompt shows as cache writes, not input.
     */
    void llm(String markdown, long fresh) {
        boolean first = calls == 0 && parent == null;
        boolean writesCache = first && "anthropic".equals(agent.provider());
        long cached = first ? 0 : context;
        long cacheWrite = writesCache ? context : 0;
        long input = first && !writesCache ? context + fresh : fresh;
        long output = ModelCatalogue.typicalOutput(model) / 2 + random.nextInt(ModelCatalogue.typicalOutput(model));
        long reasoning = ModelCatalogue.thinks(model) ? 200 + random.nextInt(900) : 0;
        Usage usage = new Usage(input, cached, output, reasoning, cacheWrite);
        List<Message> sent = List.copyOf(window());
        context = Math.min(ModelCatalogue.MAX_CONTEXT_TOKENS, context + fresh + output);
        calls++;
        features.add(Feature.MARKDOWN_REASONING);
        features.add(Feature.LLM_MESSAGES);
        if (model.equals(ModelCatalogue.UNPRICED_MODEL)) {
            features.add(Feature.UNPRICED_MODEL);
        }
        conversation.add(Message.of("assistant", markdown));
        add(StepKind.LLM_CALL, markdown, null, null, null, null, usage, 900 + output * 12 + random.nextInt(900), sent);
    }

    /** A tool call and, after it ran, its result; returns the call id. */
    String tool(String name, String argsJson, String result) {
        String callId = call(StepKind.TOOL_CALL, name, argsJson);
        result(name, callId, result);
        return callId;
    }

    String call(StepKind kind, String name, String argsJson) {
        features.add(Feature.TOOL_CALLS);
        String callId = "call_" + Long.toHexString(random.nextLong() & 0xffffffffffL);
        add(kind, null, name, callId, argsJson, null, Usage.NONE, 40 + random.nextInt(2_400), null);
        return callId;
    }

    void result(String name, String callId, String result) {
        conversation.add(new Message("tool", result, callId));
        add(StepKind.TOOL_RESULT, null, name, callId, null, result, Usage.NONE, 0, null);
    }

    /** A failed tool call or provider error, answered by the model in the next step. */
    void error(String toolName, String callId, String errorType, String message) {
        features.add(Feature.ERROR);
        conversation.add(new Message("tool", message, callId));
        pendingErrorType = errorType;
        add(StepKind.ERROR, message, toolName, callId, null, null, Usage.NONE, 0, null);
        pendingErrorType = null;
    }

    /** Opens a sub-agent on {@code subModel}: the steps until {@link #endSubAgent} run under it. */
    String subAgent(String name, String argsJson, String subModel) {
        features.add(Feature.SUB_AGENT);
        String callId = call(StepKind.SUB_AGENT, name, argsJson);
        parent = steps.get(steps.size() - 1).seq();
        model = subModel;
        return callId;
    }

    void endSubAgent(String name, String callId, String summary) {
        parent = null;
        model = agent.model();
        result(name, callId, summary);
    }

    Run build(boolean failed, String errorMessage) {
        clock = clock.plusMillis(300);
        return new Run(id, agent, taskId, start, List.copyOf(steps), failed, errorMessage, clock,
                Set.copyOf(features), Transport.JSON);
    }

    private List<Message> window() {
        if (conversation.size() <= MESSAGES_KEPT + 2) {
            return conversation;
        }
        List<Message> kept = new ArrayList<>(conversation.subList(0, 2));
        kept.addAll(conversation.subList(conversation.size() - MESSAGES_KEPT, conversation.size()));
        return kept;
    }

    private void add(StepKind kind, String content, String toolName, String callId, String args, String result,
                     Usage usage, long durationMs, List<Message> messages) {
        String stepModel = kind == StepKind.LLM_CALL ? model : null;
        String type = kind == StepKind.ERROR ? pendingErrorType : null;
        steps.add(new Step(steps.size() + 1, kind, content, toolName, callId, args, result, stepModel, usage, clock,
                durationMs, parent, messages, type));
        clock = clock.plusMillis(durationMs).plus(pause.isZero() ? Duration.ofMillis(20 + random.nextInt(200)) : jitter());
    }

    private Duration jitter() {
        long ms = pause.toMillis();
        return Duration.ofMillis(ms / 2 + random.nextLong(Math.max(1, ms)));
    }
}
