package dev.agenttraces.demo.agents.send;

import dev.agenttraces.demo.agents.scenario.Run;
import dev.agenttraces.demo.agents.scenario.Step;
import dev.agenttraces.demo.agents.scenario.StepKind;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Sends runs as GenAI spans through the real OpenTelemetry Java SDK and its OTLP exporter (http/protobuf)
 * to the plugin's receiver, {@code POST {traces}/v1/traces} with a Bearer ingest token. A run is an
 * {@code invoke_agent} root span; LLM calls are {@code chat} spans, tool calls {@code execute_tool} spans
 * (ended when their result or error arrives) under the {@code chat} span that asked for them (the latest one of
 * the same agent), so the tree reads agent → LLM call → tool call, and a sub-agent a nested {@code invoke_agent}
 * span. Every span carries {@code taskboard.task.id} and {@code taskboard.agent.id}. Usage follows the
 * conventions: {@code gen_ai.usage.input_tokens} includes the cache reads and the cache writes
 * ({@code cache_creation.input_tokens}, sent when there are some), {@code output_tokens} the reasoning ones.
 * Spans carry the run's own timestamps, so backdated history keeps its times.
 */
public final class OtlpTraceSender implements TraceSender, AutoCloseable {

    static final AttributeKey<Long> TASK_ID = AttributeKey.longKey("taskboard.task.id");
    static final AttributeKey<Long> AGENT_ID = AttributeKey.longKey("taskboard.agent.id");

    private static final Logger LOG = Logger.getLogger(OtlpTraceSender.class.getName());
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(20);

    private final RunTraceIds ids = new RunTraceIds();
    private final WatchedExporter exporter;
    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final Map<UUID, OpenSpans> runs = new ConcurrentHashMap<>();

    /** {@code endpoint} is the receiver, e.g. http://localhost:8080/traces/v1/traces. */
    public OtlpTraceSender(String endpoint, String ingestToken) {
        this(OtlpHttpSpanExporter.builder().setEndpoint(endpoint)
                .addHeader("Authorization", "Bearer " + ingestToken).setTimeout(FLUSH_TIMEOUT).build(), endpoint);
    }

    /** Sends through {@code exporter} (the OTLP one, or a test's that keeps the spans), watched for failed exports. */
    OtlpTraceSender(SpanExporter exporter, String endpoint) {
        this.exporter = new WatchedExporter(exporter, endpoint);
        provider = SdkTracerProvider.builder().setIdGenerator(ids)
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), "agent-traces-demo-agents"))))
                .addSpanProcessor(BatchSpanProcessor.builder(this.exporter).setScheduleDelay(Duration.ofSeconds(1)).build())
                .build();
        tracer = provider.get("dev.agenttraces.demo-agents", "1.0.0");
    }

    /** The spans of one run that are still open, and each agent span's latest chat span (tools go under it). */
    private record OpenSpans(Span root, Map<String, Span> calls, Map<Integer, Span> subAgents, Map<Span, Span> lastChat) {
    }

    @Override
    public void start(Run run) {
        ids.nextTrace(run.id());
        Span root = span(run, "invoke_agent " + run.agent().name(), "invoke_agent", null, run.startedAt(), SpanKind.INTERNAL)
                .setAttribute("gen_ai.agent.name", run.agent().name())
                .setAttribute("gen_ai.agent.id", String.valueOf(run.agent().id()))
                .setAttribute("gen_ai.request.model", run.agent().model())
                .setNoParent().startSpan();
        runs.put(run.id(), new OpenSpans(root, new HashMap<>(), new HashMap<>(), new HashMap<>()));
    }

    @Override
    public void append(Run run, List<Step> steps) {
        OpenSpans open = runs.get(run.id());
        for (Step step : steps) {
            Span parent = step.parentSeq() == null ? open.root() : open.subAgents().getOrDefault(step.parentSeq(), open.root());
            switch (step.kind()) {
                case SYSTEM -> open.root().setAttribute("gen_ai.system_instructions", GenAiMessages.textParts(step.content()));
                case LLM_CALL -> open.lastChat().put(parent, chat(run, step, parent));
                case TOOL_CALL -> call(run, step, open.lastChat().getOrDefault(parent, parent), open);
                case SUB_AGENT -> call(run, step, parent, open);
                case TOOL_RESULT -> result(step, open);
                case ERROR -> error(run, step, parent, open);
            }
        }
    }

    private static void result(Step step, OpenSpans open) {
        Span call = open.calls().remove(step.callId());
        if (call == null) {
            return;
        }
        if (open.subAgents().containsValue(call)) {
            call.setAttribute("gen_ai.output.messages", GenAiMessages.output(step.toolResult()));
        } else {
            call.setAttribute("gen_ai.tool.call.result", step.toolResult());
        }
        call.end(step.startedAt());
    }

    private Span chat(Run run, Step step, Span parent) {
        SpanBuilder chat = span(run, "chat " + step.model(), "chat", parent, step.startedAt(), SpanKind.CLIENT)
                .setAttribute("gen_ai.request.model", step.model())
                .setAttribute("gen_ai.response.model", step.model())
                .setAttribute("gen_ai.usage.input_tokens", step.usage().contextTokens())
                .setAttribute("gen_ai.usage.cache_read.input_tokens", step.usage().cached())
                .setAttribute("gen_ai.usage.output_tokens", step.usage().output() + step.usage().reasoning())
                .setAttribute("gen_ai.usage.reasoning.output_tokens", step.usage().reasoning())
                .setAttribute("gen_ai.output.messages", GenAiMessages.output(step.content()));
        if (step.messages() != null) {
            chat.setAttribute("gen_ai.system_instructions", GenAiMessages.systemInstructions(step.messages()))
                    .setAttribute("gen_ai.input.messages", GenAiMessages.input(step.messages()));
        }
        if (step.usage().cacheWrite() > 0) {
            chat.setAttribute("gen_ai.usage.cache_creation.input_tokens", step.usage().cacheWrite());
        }
        Span span = chat.startSpan();
        span.end(step.endedAt());
        return span;
    }

    private void call(Run run, Step step, Span parent, OpenSpans open) {
        boolean subAgent = step.kind() == StepKind.SUB_AGENT;
        String name = subAgent ? "researcher" : step.toolName();
        SpanBuilder builder = subAgent
                ? span(run, "invoke_agent " + name, "invoke_agent", parent, step.startedAt(), SpanKind.INTERNAL)
                .setAttribute("gen_ai.agent.name", name).setAttribute("gen_ai.request.model", run.agent().subAgentModel())
                .setAttribute("gen_ai.input.messages", GenAiMessages.userText(step.toolArgs()))
                : span(run, "execute_tool " + name, "execute_tool", parent, step.startedAt(), SpanKind.INTERNAL)
                .setAttribute("gen_ai.tool.name", name).setAttribute("gen_ai.tool.type", "function")
                .setAttribute("gen_ai.tool.call.id", step.callId()).setAttribute("gen_ai.tool.call.arguments", step.toolArgs());
        Span span = builder.startSpan();
        open.calls().put(step.callId(), span);
        if (subAgent) {
            open.subAgents().put(step.seq(), span);
        }
    }

    /** A failed tool call ends its span in error; an error without a call is a failed LLM call. */
    private void error(Run run, Step step, Span parent, OpenSpans open) {
        Span span = step.callId() == null ? null : open.calls().remove(step.callId());
        if (span == null) {
            span = span(run, "chat " + run.agent().model(), "chat", parent, step.startedAt(), SpanKind.CLIENT)
                    .setAttribute("gen_ai.request.model", run.agent().model()).startSpan();
        }
        span.setAttribute("error.type", step.errorType() == null ? "error" : step.errorType())
                .setStatus(StatusCode.ERROR, step.content())
                .addEvent("exception", Attributes.of(AttributeKey.stringKey("exception.type"), String.valueOf(step.errorType()),
                        AttributeKey.stringKey("exception.message"), step.content()), step.startedAt());
        span.end(step.startedAt());
    }

    @Override
    public void finish(Run run) {
        OpenSpans open = runs.remove(run.id());
        if (open == null) {
            return;
        }
        open.calls().values().forEach(span -> span.end(run.completedAt()));
        if (run.failed()) {
            open.root().setAttribute("error.type", "run_failed").setStatus(StatusCode.ERROR, run.errorMessage());
        }
        open.root().end(run.completedAt());
        if (!provider.forceFlush().join(FLUSH_TIMEOUT.toSeconds(), TimeUnit.SECONDS).isDone()) {
            LOG.warning(() -> "OTLP export of run " + run.id() + " did not finish within " + FLUSH_TIMEOUT.toSeconds()
                    + " s; the demo carries on with the next run, and those spans stay queued in the exporter: they go out late,"
                    + " or are dropped with a WARNING if the export then fails.");
        }
    }

    /** Whether an export failed since the last call: the receiver should then be asked again before the next run. */
    public boolean takeExportFailure() {
        return exporter.takeFailure();
    }

    private SpanBuilder span(Run run, String name, String operation, Span parent, Instant start, SpanKind kind) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind).setStartTimestamp(start)
                .setAttribute("gen_ai.operation.name", operation)
                .setAttribute("gen_ai.provider.name", run.agent().provider())
                .setAttribute(TASK_ID, run.taskId()).setAttribute(AGENT_ID, run.agent().id());
        if (parent != null) {
            builder.setParent(Context.root().with(parent));
        }
        return builder;
    }

    @Override
    public void close() {
        if (!provider.shutdown().join(FLUSH_TIMEOUT.toSeconds(), TimeUnit.SECONDS).isDone()) {
            LOG.warning(() -> "The OTLP exporter did not shut down within " + FLUSH_TIMEOUT.toSeconds()
                    + " s; spans still queued in it are dropped.");
        }
    }
}
