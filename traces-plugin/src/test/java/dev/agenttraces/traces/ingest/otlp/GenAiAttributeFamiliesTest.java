package dev.agenttraces.traces.ingest.otlp;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.CHILD;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.ROOT;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.TRACE;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.accepted;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.attr;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.event;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.kvlist;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.map;
import static dev.agenttraces.traces.ingest.otlp.OtlpFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per attribute family: what each accepted attribute becomes in a {@link GenAiSpan}. */
class GenAiAttributeFamiliesTest {

    private static GenAiMessage msg(String role, String content) {
        return new GenAiMessage(role, content);
    }

    @Test
    void currentGenAiChatSpan() {
        GenAiSpan s = accepted(span(CHILD, ROOT,
                attr("gen_ai.operation.name", "chat"),
                attr("gen_ai.request.model", "gpt-5"), attr("gen_ai.response.model", "gpt-5-2025-08-07"),
                attr("gen_ai.provider.name", "openai"), attr("gen_ai.system", "ignored-deprecated"),
                attr("gen_ai.usage.input_tokens", 1200), attr("gen_ai.usage.output_tokens", 90),
                attr("gen_ai.usage.cache_read.input_tokens", 800), attr("gen_ai.usage.cache_creation.input_tokens", 100),
                attr("gen_ai.usage.reasoning.output_tokens", 40),
                attr("gen_ai.system_instructions", "[{\"type\":\"text\",\"content\":\"Be brief.\"},"
                        + "{\"type\":\"text\",\"content\":\"Use tools.\"}]"),
                attr("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Fix the test\"}]},"
                        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"c1\",\"result\":\"ok\"}]}]"),
                attr("gen_ai.output.messages", "[{\"role\":\"assistant\",\"finish_reason\":\"stop\",\"parts\":["
                        + "{\"type\":\"reasoning\",\"content\":\"Read the test first.\"},"
                        + "{\"type\":\"text\",\"content\":\"Done.\"}]}]")));
        assertThat(s.kind()).isEqualTo(GenAiSpanKind.LLM_CALL);
        assertThat(s.traceId()).isEqualTo(TRACE);
        assertThat(s.spanId()).isEqualTo(CHILD);
        assertThat(s.parentSpanId()).isEqualTo(ROOT);
        assertThat(s.start()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(s.end()).isEqualTo(Instant.parse("2026-01-01T10:00:01Z"));
        assertThat(s.model()).isEqualTo("gpt-5-2025-08-07");
        assertThat(s.provider()).isEqualTo("openai");
        assertThat(s.usage()).isEqualTo(new GenAiUsage(1200, 90, 800, 100, 40));
        assertThat(s.systemInstructions()).isEqualTo("Be brief.\nUse tools.");
        assertThat(s.inputMessages()).containsExactly(msg("user", "Fix the test"),
                msg("tool", "[{\"type\":\"tool_call_response\",\"id\":\"c1\",\"result\":\"ok\"}]"));
        assertThat(s.outputMessages()).containsExactly(msg("assistant", "Done."));
        assertThat(s.reasoning()).isEqualTo("Read the test first.");
        assertThat(s.taskId()).isEqualTo(7);
        assertThat(s.agentId()).isEqualTo(3);
        assertThat(s.isError()).isFalse();
    }

    /**
     * The two other LLM operations of the GenAI conventions: a completion and a Gemini-style generate_content
     * are LLM calls with their model and tokens, as a chat is (and an operation this product has no step for is not).
     */
    @Test
    void textCompletionAndGenerateContentAreLlmCalls() {
        for (String operation : new String[] {"text_completion", "generate_content", " Generate_Content "}) {
            GenAiSpan s = accepted(span(CHILD, ROOT, attr("gen_ai.operation.name", operation),
                    attr("gen_ai.request.model", "gemini-2.5-pro"), attr("gen_ai.usage.input_tokens", 300),
                    attr("gen_ai.usage.output_tokens", 20)));
            assertThat(s.kind()).as(operation).isEqualTo(GenAiSpanKind.LLM_CALL);
            assertThat(s.model()).as(operation).isEqualTo("gemini-2.5-pro");
            assertThat(s.usage()).as(operation).isEqualTo(new GenAiUsage(300, 20, 0, 0, 0));
        }
        GenAiSpan embeddings = accepted(span(CHILD, ROOT, attr("gen_ai.operation.name", "embeddings"),
                attr("gen_ai.request.model", "text-embedding-3-small")));
        assertThat(embeddings.kind()).as("a present operation name decides, even one without a step").isEqualTo(GenAiSpanKind.GENERIC);
    }

    /** The tool calls an LLM call asked for, in each shape; the input's are earlier turns' and do not count. */
    @Test
    void theToolCallIdsAnLlmCallAskedForInItsOutput() {
        GenAiSpan s = accepted(span(CHILD, ROOT, attr("gen_ai.operation.name", "chat"),
                attr("gen_ai.input.messages", "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"old_1\",\"name\":\"ls\"}]}]"),
                attr("gen_ai.output.messages", "[{\"role\":\"assistant\",\"parts\":["
                        + "{\"type\":\"text\",\"content\":\"Reading both.\"},"
                        + "{\"type\":\"tool_call\",\"id\":\"call_a\",\"name\":\"read_file\",\"arguments\":{}}]},"
                        + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_b\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"grep\",\"arguments\":\"{}\"}}]},"
                        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_c\",\"name\":\"edit\",\"input\":{}}]}]")));
        assertThat(s.toolCallsRequested()).containsExactly("call_a", "call_b", "toolu_c");
        assertThat(s.outputMessages().get(0).content()).as("the text still previews the call").isEqualTo("Reading both.");
        GenAiSpan tool = accepted(span(CHILD, ROOT, attr("gen_ai.operation.name", "execute_tool"),
                attr("gen_ai.tool.call.id", "call_a"),
                attr("gen_ai.output.messages", "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"x\"}]}]")));
        assertThat(tool.toolCallsRequested()).as("only an LLM call asks for tools").isEmpty();
    }

    @Test
    void currentGenAiToolSpanWithStructuredArguments() {
        GenAiSpan s = accepted(span(CHILD, ROOT, attr("gen_ai.operation.name", "execute_tool"),
                attr("gen_ai.tool.name", "read_file"), attr("gen_ai.tool.call.id", "call_1"),
                attr("gen_ai.tool.call.arguments", kvlist(attr("path", "src/App.java"), attr("lines", 20))),
                attr("gen_ai.tool.call.result", "class App {}")));
        assertThat(s.kind()).isEqualTo(GenAiSpanKind.TOOL_CALL);
        assertThat(s.toolName()).isEqualTo("read_file");
        assertThat(s.toolCallId()).isEqualTo("call_1");
        assertThat(s.toolArguments()).isEqualTo("{\"path\":\"src/App.java\",\"lines\":20}");
        assertThat(s.toolResult()).isEqualTo("class App {}");
        assertThat(s.usage()).isEqualTo(GenAiUsage.NONE);
    }

    @Test
    void deprecatedGenAiNamesAndEvents() {
        GenAiSpan s = accepted(span(CHILD, ROOT, attr("gen_ai.system", "anthropic"),
                attr("gen_ai.request.model", "claude-sonnet-4"),
                attr("gen_ai.usage.prompt_tokens", 50), attr("gen_ai.usage.completion_tokens", "7"),
                attr("gen_ai.usage.cache_read_input_tokens", 30), attr("gen_ai.usage.cache_creation_input_tokens", 5))
                .addEvents(event("gen_ai.system.message", attr("content", "You are terse.")))
                .addEvents(event("gen_ai.user.message", attr("content", "Hi"), attr("role", "User")))
                .addEvents(event("gen_ai.tool.message", attr("content", "42"), attr("id", "c1")))
                .addEvents(event("gen_ai.choice", attr("index", 0), attr("finish_reason", "stop"),
                        attr("message", kvlist(attr("content", "Hello!"))))));
        assertThat(s.kind()).as("request model without operation name").isEqualTo(GenAiSpanKind.LLM_CALL);
        assertThat(s.provider()).isEqualTo("anthropic");
        assertThat(s.model()).isEqualTo("claude-sonnet-4");
        assertThat(s.usage()).isEqualTo(new GenAiUsage(50, 7, 30, 5, 0));
        assertThat(s.inputMessages()).containsExactly(msg("system", "You are terse."), msg("user", "Hi"), msg("tool", "42"));
        assertThat(s.outputMessages()).containsExactly(msg("assistant", "Hello!"));
    }

    @Test
    void openInferenceLlmSpan() {
        GenAiSpan s = accepted(span(CHILD, ROOT, attr("openinference.span.kind", "LLM"),
                attr("llm.model_name", "gemini-2.5-pro"), attr("llm.provider", "google"),
                attr("llm.token_count.prompt", 160), attr("llm.token_count.completion", 55),
                attr("llm.token_count.prompt_details.cache_read", 40), attr("llm.token_count.prompt_details.cache_write", 10),
                attr("llm.token_count.completion_details.reasoning", 12.0),
                attr("llm.input_messages.1.message.role", "user"),
                attr("llm.input_messages.1.message.contents.0.message_content.type", "text"),
                attr("llm.input_messages.1.message.contents.0.message_content.text", "What is 2+2?"),
                attr("llm.input_messages.0.message.role", "system"),
                attr("llm.input_messages.0.message.content", "Answer with a number."),
                attr("llm.output_messages.0.message.role", "assistant"),
                attr("llm.output_messages.0.message.tool_calls.0.tool_call.function.name", "calc"),
                attr("llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments", "{\"e\":\"2+2\"}"),
                attr("input.value", "ignored: messages win")));
        assertThat(s.kind()).isEqualTo(GenAiSpanKind.LLM_CALL);
        assertThat(s.model()).isEqualTo("gemini-2.5-pro");
        assertThat(s.provider()).isEqualTo("google");
        assertThat(s.usage()).isEqualTo(new GenAiUsage(160, 55, 40, 10, 12));
        assertThat(s.inputMessages()).as("index order, not attribute order")
                .containsExactly(msg("system", "Answer with a number."), msg("user", "What is 2+2?"));
        assertThat(s.outputMessages()).containsExactly(
                msg("assistant", "[{\"type\":\"tool_call\",\"name\":\"calc\",\"arguments\":\"{\\\"e\\\":\\\"2+2\\\"}\"}]"));
    }

    @Test
    void openInferenceToolAndChainSpans() {
        GenAiSpans result = map(span(ROOT, null, attr("openinference.span.kind", "CHAIN"), attr("input.value", "plan")),
                span(CHILD, ROOT, attr("openinference.span.kind", "TOOL"), attr("tool.name", "search"),
                        attr("tool.parameters", "{\"type\":\"object\"}"), attr("input.value", "{\"q\":\"otlp\"}"),
                        attr("output.value", "3 hits")));
        GenAiSpan chain = result.spans().get(0);
        GenAiSpan tool = result.spans().get(1);
        assertThat(chain.kind()).isEqualTo(GenAiSpanKind.GENERIC);
        assertThat(chain.inputMessages()).containsExactly(msg("user", "plan"));
        assertThat(tool.kind()).isEqualTo(GenAiSpanKind.TOOL_CALL);
        assertThat(tool.toolName()).isEqualTo("search");
        assertThat(tool.toolArguments()).as("input.value before the tool's parameter schema").isEqualTo("{\"q\":\"otlp\"}");
        assertThat(tool.toolResult()).isEqualTo("3 hits");
        assertThat(tool.inputMessages()).as("a tool's input is its arguments, not a message").isEmpty();
    }

    @Test
    void openLlmetrySpans() {
        GenAiSpans result = map(
                span(ROOT, null, attr("traceloop.span.kind", "workflow"), attr("traceloop.entity.name", "fix_bug")),
                span(CHILD, ROOT, attr("traceloop.span.kind", "tool"), attr("traceloop.entity.name", "run_tests"),
                        attr("traceloop.entity.input", "plain text args"), attr("traceloop.entity.output", "{\"passed\":3}")),
                span("1112131415161718", ROOT, attr("llm.request.type", "chat"), attr("gen_ai.system", "openai"),
                        attr("gen_ai.request.model", "gpt-4o"), attr("llm.usage.prompt_tokens", 11),
                        attr("llm.usage.completion_tokens", 4), attr("llm.usage.reasoning_tokens", 2),
                        attr("gen_ai.prompt.0.role", "user"), attr("gen_ai.prompt.0.content", "Run the tests"),
                        attr("gen_ai.completion.0.role", "assistant"),
                        attr("gen_ai.completion.0.content", "[{\"type\":\"text\",\"text\":\"All green.\"}]")));
        assertThat(result.spans()).extracting(GenAiSpan::kind)
                .containsExactly(GenAiSpanKind.GENERIC, GenAiSpanKind.TOOL_CALL, GenAiSpanKind.LLM_CALL);
        GenAiSpan tool = result.spans().get(1);
        assertThat(tool.toolName()).isEqualTo("run_tests");
        assertThat(tool.toolArguments()).as("plain text becomes a JSON string").isEqualTo("\"plain text args\"");
        assertThat(tool.toolResult()).isEqualTo("{\"passed\":3}");
        GenAiSpan llm = result.spans().get(2);
        assertThat(llm.usage()).isEqualTo(new GenAiUsage(11, 4, 0, 0, 2));
        assertThat(llm.inputMessages()).containsExactly(msg("user", "Run the tests"));
        assertThat(llm.outputMessages()).containsExactly(msg("assistant", "All green."));
    }

    @Test
    void agentRootAndSubAgentKeepTheirParentRelation() {
        GenAiSpans result = map(span(ROOT, null, attr("gen_ai.operation.name", "invoke_agent")),
                span(CHILD, ROOT, attr("gen_ai.operation.name", "invoke_agent")),
                span("1112131415161718", CHILD, attr("gen_ai.operation.name", "embeddings"),
                        attr("gen_ai.request.model", "text-embedding-3")));
        assertThat(result.spans()).extracting(GenAiSpan::kind)
                .containsExactly(GenAiSpanKind.AGENT, GenAiSpanKind.SUB_AGENT, GenAiSpanKind.GENERIC);
        assertThat(result.spans().get(0).isRoot()).isTrue();
        assertThat(result.spans().get(0).parentSpanId()).isNull();
        assertThat(result.spans().get(1).parentSpanId()).isEqualTo(result.spans().get(0).spanId());
        assertThat(result.spans().get(2).parentSpanId()).isEqualTo(CHILD);
    }

    @Test
    void spanIdsAndTaskIdsOverrideTheResource() {
        GenAiSpan s = accepted(span(ROOT, null, attr("taskboard.task.id", "12"), attr("taskboard.agent.id", 4)));
        assertThat(s.taskId()).isEqualTo(12);
        assertThat(s.agentId()).isEqualTo(4);
    }
}
