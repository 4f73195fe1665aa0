package dev.agenttraces.traces.insight.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class ReasoningLoopsTest {

    private static final InsightSettings DEFAULTS = InsightSettings.defaults();

    /** One cycle: think, read the config, get it back. The attempt number changes, as in real loops. */
    private static StepScript readConfigCycle(StepScript script, int attempt) {
        return script.reason("The build still fails, so let me read the configuration file again, attempt " + attempt, "0.10")
                .call("read_file", "{\"path\":\"config.yml\"}", "0.01")
                .result("read_file", "port: 8080");
    }

    private static StepScript grepCycle(StepScript script) {
        return script.call("grep", "{\"pattern\":\"TODO\"}").result("grep", "src/A.java:3: TODO");
    }

    private static List<ReasoningLoop> loops(StepScript script) {
        return InsightAccumulator.analyse(script.steps(), DEFAULTS).loops();
    }

    @Test
    void findsACycleRepeatedWithNearIdenticalTexts() {
        var script = new StepScript().reason("Start.");
        for (int i = 1; i <= 4; i++) {
            readConfigCycle(script, i);
        }
        script.reason("Something completely different now.");
        assertThat(loops(script)).singleElement().satisfies(loop -> {
            assertThat(loop.firstSeq()).isEqualTo(2);
            assertThat(loop.lastSeq()).isEqualTo(13);
            assertThat(loop.cycleLength()).isEqualTo(3);
            assertThat(loop.repetitions()).isEqualTo(4);
            assertThat(loop.cycle()).containsExactly("reasoning", "tool_call:read_file", "tool_result:read_file");
            assertThat(loop.costUsd()).isEqualByComparingTo("0.44");
            assertThat(loop.repeatCostUsd()).isEqualByComparingTo("0.33");
        });
    }

    @Test
    void needsTheConfiguredNumberOfRepetitions() {
        var script = new StepScript();
        readConfigCycle(script, 1);
        readConfigCycle(script, 2);
        assertThat(loops(script)).isEmpty();
        var twice = InsightAccumulator.analyse(script.steps(), DEFAULTS.withMinRepetitions(2));
        assertThat(twice.loops()).extracting(ReasoningLoop::repetitions).containsExactly(2);
    }

    @Test
    void textsThatDifferMoreThanTheThresholdBreakTheCycle() {
        var script = new StepScript();
        for (String file : List.of("a.yml", "b.yml", "c.yml", "d.yml")) {
            script.call("read_file", "{\"path\":\"" + file + "\"}").result("read_file", "contents of " + file);
        }
        assertThat(loops(script)).isEmpty();
    }

    @Test
    void reportsTheShortestCycleOnlyNotItsMultiples() {
        var script = new StepScript();
        for (int i = 0; i < 7; i++) {
            script.reason("I am stuck, let me think about it again.");
        }
        assertThat(loops(script)).extracting(ReasoningLoop::cycleLength, ReasoningLoop::repetitions, ReasoningLoop::firstSeq,
                ReasoningLoop::lastSeq).containsExactly(tuple(1, 7, 1, 7));
    }

    @Test
    void findsOverlappingLoopsOfDifferentLengths() {
        var script = new StepScript();
        script.reason("think").reason("think").reason("think");
        grepCycle(script);
        script.reason("think");
        grepCycle(script);
        script.reason("think");
        grepCycle(script);
        // think×3 (seq 1-3), then (think, grep, result)×3 starting at the third think (seq 3-11)
        assertThat(loops(script)).extracting(ReasoningLoop::firstSeq, ReasoningLoop::lastSeq, ReasoningLoop::cycleLength,
                ReasoningLoop::repetitions).containsExactly(tuple(1, 3, 1, 3), tuple(3, 11, 3, 3));
    }

    @Test
    void findsTwoToolsLoopingInterleavedAsOneCycle() {
        var script = new StepScript();
        for (int i = 0; i < 3; i++) {
            script.call("read_file", "{\"path\":\"a\"}").result("read_file", "A");
            grepCycle(script);
        }
        assertThat(loops(script)).extracting(ReasoningLoop::cycleLength, ReasoningLoop::repetitions, ReasoningLoop::cycle)
                .containsExactly(tuple(4, 3, List.of("tool_call:read_file", "tool_result:read_file", "tool_call:grep",
                        "tool_result:grep")));
    }

    @Test
    void findsALoopResumedAfterAnotherLoop() {
        var script = new StepScript();
        for (int i = 1; i <= 3; i++) {
            readConfigCycle(script, i);
        }
        for (int i = 0; i < 3; i++) {
            grepCycle(script);
        }
        for (int i = 4; i <= 6; i++) {
            readConfigCycle(script, i);
        }
        assertThat(loops(script)).extracting(ReasoningLoop::firstSeq, ReasoningLoop::lastSeq, ReasoningLoop::cycleLength)
                .containsExactly(tuple(1, 9, 3), tuple(10, 15, 2), tuple(16, 24, 3));
    }

    @Test
    void findsALoopThatSpansABatchBoundaryAndReportsItWhileRunning() {
        var script = new StepScript().reason("Start.");
        for (int i = 1; i <= 5; i++) {
            readConfigCycle(script, i);
        }
        List<InsightStep> steps = script.steps();
        var accumulator = new InsightAccumulator(DEFAULTS);
        accumulator.acceptAll(steps.subList(0, 6));
        assertThat(accumulator.insights().loops()).as("two cycles so far").isEmpty();
        accumulator.acceptAll(steps.subList(6, 11));
        assertThat(accumulator.insights().loops()).singleElement()
                .satisfies(loop -> assertThat(loop.repetitions()).isEqualTo(3));
        accumulator.acceptAll(steps.subList(11, steps.size()));
        TraceInsights paged = accumulator.insights();
        assertThat(paged.loops()).extracting(ReasoningLoop::firstSeq, ReasoningLoop::lastSeq, ReasoningLoop::repetitions)
                .containsExactly(tuple(2, 16, 5));
        assertThat(paged).isEqualTo(InsightAccumulator.analyse(steps, DEFAULTS));
        assertThat(paged.flagsOf(2)).contains(StepFlag.LOOP);
        assertThat(paged.flagsOf(1)).doesNotContain(StepFlag.LOOP);
    }

    @Test
    void feedingStepByStepEqualsFeedingAtOnceForMixedFlags() {
        var script = new StepScript();
        for (int i = 1; i <= 4; i++) {
            readConfigCycle(script, i);
            script.call("fetch", "{\"u\":1}").error("500").call("fetch", "{\"u\":1}");
        }
        var whole = InsightAccumulator.analyse(script.steps(), DEFAULTS);
        var accumulator = new InsightAccumulator(DEFAULTS);
        for (InsightStep step : script.steps()) {
            accumulator.accept(step);
        }
        assertThat(accumulator.insights()).isEqualTo(whole);
        assertThat(whole.loops()).isNotEmpty();
        assertThat(whole.retries()).hasSize(4);
    }

    @Test
    void ignoresReplayedSteps() {
        var script = new StepScript().reason("a").reason("b");
        var accumulator = new InsightAccumulator(DEFAULTS);
        assertThat(accumulator.acceptAll(script.steps())).isEqualTo(2);
        assertThat(accumulator.acceptAll(script.steps())).isZero();
        assertThat(accumulator.lastSeq()).isEqualTo(2);
        assertThat(accumulator.stepCount()).isEqualTo(2);
    }

    @Test
    void looksForCyclesUpToTheConfiguredLength() {
        var script = new StepScript();
        for (int i = 0; i < 3; i++) {
            for (String tool : List.of("a", "b", "c", "d")) {
                script.call(tool, "{}");
            }
        }
        assertThat(loops(script)).hasSize(1);
        assertThat(InsightAccumulator.analyse(script.steps(), DEFAULTS.withMaxCycleLength(3)).loops()).isEmpty();
    }
}
