package dev.agenttraces.demo.agents.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each shape the demo plays shows what issue 11 asks for, in the steps themselves, not only in its labels. */
class ScenarioGeneratorTest {

    static final AgentProfile CODER = new AgentProfile(1, "Coder", "claude-sonnet-4-5", "anthropic", "claude-haiku-4-5");
    static final AgentProfile SCOUT = new AgentProfile(3, "Scout", "gemini-2.5-flash", "google", ModelCatalogue.UNPRICED_MODEL);
    static final TaskBrief TASK = new TaskBrief(7, "Fix flaky login test", "Demo task.", null);
    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    final ScenarioGenerator generator = new ScenarioGenerator(new SplittableRandom(42));

    List<Run> runs(Shape shape, AgentProfile agent) {
        return generator.runs(shape, agent, TASK, START, Duration.ZERO, 100);
    }

    @Test
    void an_ordinary_run_has_markdown_reasoning_messages_and_tool_calls_with_json_arguments_and_results() {
        Run run = runs(Shape.ORDINARY, CODER).getFirst();
        assertThat(run.features()).contains(Feature.MARKDOWN_REASONING, Feature.LLM_MESSAGES, Feature.TOOL_CALLS);
        assertThat(run.steps()).filteredOn(s -> s.kind() == StepKind.LLM_CALL)
                .allSatisfy(s -> assertThat(s.content()).containsAnyOf("## ", "### ", "**", "`"))
                .allSatisfy(s -> assertThat(s.usage().output()).isPositive())
                .anySatisfy(s -> assertThat(s.messages()).extracting(Message::role).contains("system", "user", "assistant", "tool"));
        assertThat(run.steps()).filteredOn(s -> s.kind() == StepKind.TOOL_CALL)
                .allSatisfy(s -> assertThat(s.toolArgs()).startsWith("{").endsWith("}"));
        assertThat(run.steps()).filteredOn(s -> s.kind() == StepKind.TOOL_RESULT).isNotEmpty()
                .allSatisfy(s -> assertThat(s.toolResult()).isNotBlank());
        assertThat(run.failed()).isFalse();
    }

    @Test
    void token_counts_follow_the_context_the_later_calls_read_mostly_from_the_cache() {
        List<Step> calls = runs(Shape.ORDINARY, CODER).getFirst().steps().stream()
                .filter(s -> s.kind() == StepKind.LLM_CALL).toList();
        assertThat(calls.getFirst().usage().cached()).isZero();
        assertThat(calls.getFirst().usage().contextTokens()).isGreaterThan(ModelCatalogue.SYSTEM_PROMPT_TOKENS);
        assertThat(calls.getLast().usage().cached()).isGreaterThan(calls.getLast().usage().input());
        assertThat(calls).allSatisfy(s -> assertThat(s.model()).isEqualTo("claude-sonnet-4-5"));
    }

    /** The fifth count: an Anthropic agent's first call writes its prompt to the cache; other providers never do. */
    @Test
    void an_anthropic_run_writes_its_prompt_to_the_cache_on_its_first_call_only() {
        List<Step> calls = runs(Shape.ORDINARY, CODER).getFirst().steps().stream()
                .filter(s -> s.kind() == StepKind.LLM_CALL).toList();
        assertThat(calls.getFirst().usage().cacheWrite()).isGreaterThanOrEqualTo(ModelCatalogue.SYSTEM_PROMPT_TOKENS);
        assertThat(calls.getFirst().usage().input()).as("the prompt is billed as a cache write, not as input")
                .isLessThan(calls.getFirst().usage().cacheWrite());
        assertThat(calls.subList(1, calls.size())).allSatisfy(s -> assertThat(s.usage().cacheWrite()).isZero());
        assertThat(runs(Shape.ORDINARY, SCOUT).getFirst().steps()).allSatisfy(s -> assertThat(s.usage().cacheWrite()).isZero());
    }

    @Test
    void a_reasoning_loop_repeats_the_same_reasoning_and_tool_call_at_least_three_times() {
        Run run = runs(Shape.REASONING_LOOP, CODER).getFirst();
        assertThat(run.has(Feature.REASONING_LOOP)).isTrue();
        Map<String, Long> reasoning = run.steps().stream().filter(s -> s.kind() == StepKind.LLM_CALL)
                .collect(Collectors.groupingBy(s -> s.content().replaceAll("_\\(attempt \\d+\\)_", "").strip(), Collectors.counting()));
        assertThat(reasoning.values()).anySatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
        assertThat(sameCalls(run).values()).anySatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
    }

    @Test
    void redundant_tool_calls_repeat_the_same_tool_with_the_same_arguments() {
        Run run = runs(Shape.REDUNDANT_CALLS, CODER).getFirst();
        assertThat(run.has(Feature.REDUNDANT_TOOL_CALLS)).isTrue();
        assertThat(sameCalls(run)).anySatisfy((call, n) -> assertThat(call).startsWith("read_file ")).containsValue(3L);
    }

    @Test
    void a_sub_agent_runs_its_steps_under_the_call_that_started_it_on_its_own_model() {
        Run run = runs(Shape.SUB_AGENT, CODER).getFirst();
        Step call = run.steps().stream().filter(s -> s.kind() == StepKind.SUB_AGENT).findFirst().orElseThrow();
        List<Step> children = run.steps().stream().filter(s -> Integer.valueOf(call.seq()).equals(s.parentSeq())).toList();
        assertThat(children).extracting(Step::kind).contains(StepKind.LLM_CALL, StepKind.TOOL_CALL, StepKind.TOOL_RESULT);
        assertThat(children).filteredOn(s -> s.kind() == StepKind.LLM_CALL).extracting(Step::model).containsOnly("claude-haiku-4-5");
        assertThat(run.steps()).filteredOn(s -> call.callId().equals(s.callId()) && s.kind() == StepKind.TOOL_RESULT)
                .singleElement().satisfies(s -> assertThat(s.parentSeq()).isNull());
    }

    @Test
    void the_google_agents_sub_agent_uses_the_model_the_catalogue_does_not_price() {
        Run run = runs(Shape.SUB_AGENT, SCOUT).getFirst();
        assertThat(run.has(Feature.UNPRICED_MODEL)).isTrue();
        assertThat(run.steps()).extracting(Step::model).contains(ModelCatalogue.UNPRICED_MODEL, "gemini-2.5-flash");
    }

    @Test
    void an_error_fails_the_first_run_and_a_retry_on_the_same_task_completes() {
        List<Run> runs = runs(Shape.ERROR_THEN_RETRY, CODER);
        assertThat(runs).hasSize(2).extracting(Run::taskId).containsOnly(TASK.id());
        assertThat(runs.get(0).failed()).isTrue();
        assertThat(runs.get(0).errorMessage()).isNotBlank();
        assertThat(runs.get(0).steps()).filteredOn(s -> s.kind() == StepKind.ERROR).hasSize(2)
                .allSatisfy(s -> assertThat(s.errorType()).isNotBlank());
        assertThat(runs.get(1).failed()).isFalse();
        assertThat(runs.get(1).has(Feature.RETRY)).isTrue();
        assertThat(runs.get(1).startedAt()).isAfter(runs.get(0).completedAt());
        assertThat(runs.get(0).id()).isNotEqualTo(runs.get(1).id());
    }

    @Test
    void the_huge_run_has_exactly_twenty_thousand_steps_numbered_in_order() {
        Run run = generator.runs(Shape.HUGE, SCOUT, TASK, START, Duration.ZERO, ScenarioGenerator.HUGE_STEPS).getFirst();
        assertThat(run.has(Feature.HUGE)).isTrue();
        assertThat(run.steps()).hasSize(20_000);
        for (int i = 0; i < run.steps().size(); i++) {
            assertThat(run.steps().get(i).seq()).isEqualTo(i + 1);
        }
        assertThat(run.completedAt()).isAfter(run.steps().getLast().startedAt());
    }

    @Test
    void the_long_running_run_is_paced_by_the_pause_so_it_grows_for_minutes() {
        Duration pause = Duration.ofSeconds(3);
        Run run = generator.runs(Shape.LONG_RUNNING, CODER, TASK, START, pause, 80).getFirst();
        assertThat(run.has(Feature.LONG_RUNNING)).isTrue();
        assertThat(run.steps().size()).isBetween(75, 85);
        assertThat(Duration.between(run.startedAt(), run.completedAt())).isGreaterThan(Duration.ofMinutes(3));
    }

    @Test
    void between_them_the_shapes_show_every_feature() {
        Set<Feature> seen = EnumSet.noneOf(Feature.class);
        for (Shape shape : Shape.values()) {
            for (AgentProfile agent : List.of(CODER, SCOUT)) {
                generator.runs(shape, agent, TASK, START, Duration.ZERO, 60).forEach(run -> seen.addAll(run.features()));
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(Feature.values());
    }

    private static Map<String, Long> sameCalls(Run run) {
        return run.steps().stream().filter(s -> s.kind() == StepKind.TOOL_CALL)
                .collect(Collectors.groupingBy(s -> s.toolName() + " " + s.toolArgs(), Collectors.counting()));
    }

}
