package dev.agenttraces.traces.insight.domain;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class RedundantCallsTest {

    @Test
    void flagsTheSameCallWithKeysInAnotherOrder() {
        var script = new StepScript()
                .call("read_file", "{\"path\":\"src/App.java\",\"limit\":100}").result("read_file", "class App {}")
                .reason("Let me look again.")
                .call("read_file", "{\"limit\":100,\"path\":\"src/App.java\"}").result("read_file", "class App {}");
        var insights = script.analyse();
        assertThat(insights.redundantCalls()).singleElement().satisfies(r -> {
            assertThat(r.seq()).isEqualTo(4);
            assertThat(r.repeatsSeq()).isEqualTo(1);
            assertThat(r.toolName()).isEqualTo("read_file");
            assertThat(r.resultSeq()).isEqualTo(5);
        });
        assertThat(insights.flagsOf(4)).containsExactly(StepFlag.REDUNDANT);
        assertThat(insights.flagsOf(1)).isEmpty();
    }

    @Test
    void flagsArgumentsThatDifferInWhitespaceAndNumberFormatOnly() {
        var script = new StepScript()
                .call("search", "{\"q\": \"needle\", \"max\": 5}")
                .call("search", "{\n  \"q\":\"needle\",\n  \"max\":5.0\n}")
                .call("search", "{\"q\":\"needle \",\"max\":5}");
        assertThat(script.analyse().redundantCalls()).extracting(RedundantCall::seq).containsExactly(2);
    }

    @Test
    void aMutatingCallInBetweenMeansTheRepeatIsNotRedundant() {
        var script = new StepScript()
                .call("read_file", "{\"path\":\"a\"}")
                .call("write_file", "{\"path\":\"a\",\"text\":\"x\"}")
                .call("read_file", "{\"path\":\"a\"}")
                .call("read_file", "{\"path\":\"a\"}");
        var insights = script.analyse();
        assertThat(insights.redundantCalls()).extracting(RedundantCall::seq, RedundantCall::repeatsSeq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, 3));
    }

    @Test
    void mutatingToolsAreNeverRedundantThemselves() {
        var script = new StepScript()
                .call("run_tests", "{}").call("run_tests", "{}")
                .call("editFile", "{\"p\":1}").call("editFile", "{\"p\":1}");
        assertThat(script.analyse().redundantCalls()).isEmpty();
    }

    @Test
    void anErrorInBetweenMeansTheRepeatIsNotRedundant() {
        var script = new StepScript()
                .call("fetch", "{\"url\":\"u\"}").result("fetch", "timeout")
                .error("connection reset")
                .call("fetch", "{\"url\":\"u\"}");
        assertThat(script.analyse().redundantCalls()).isEmpty();
    }

    @Test
    void aRepeatWhoseResultChangedWasNotRedundant() {
        var script = new StepScript()
                .call("ci_status", "{\"build\":7}").result("ci_status", "running")
                .call("ci_status", "{\"build\":7}").result("ci_status", "passed")
                .call("ci_status", "{\"build\":7}").result("ci_status", "  passed\n");
        assertThat(script.analyse().redundantCalls()).extracting(RedundantCall::seq, RedundantCall::repeatsSeq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, 3));
    }

    @Test
    void otherArgumentsOrOtherToolsAreNotRepeats() {
        var script = new StepScript()
                .call("read_file", "{\"path\":\"a\"}").call("read_file", "{\"path\":\"b\"}")
                .call("list_dir", "{\"path\":\"a\"}");
        assertThat(script.analyse().redundantCalls()).isEmpty();
    }

    @Test
    void saveableCostIsTheCallItsResultAndTheLlmStepThatOnlyIssuedIt() {
        var script = new StepScript()
                .llm("m", "0.50").under(1).call("read_file", "{\"p\":1}", "0.01").under(2).result("read_file", "x", "0.02")
                .llm("m", "0.40").under(4).call("read_file", "{\"p\":1}", "0.01").under(5).result("read_file", "x", "0.02")
                .llm("m", "0.30").under(7).call("read_file", "{\"p\":1}", "0.01").under(7).call("list", "{}", "0.01")
                .under(8).result("read_file", "x", "0.02");
        var insights = script.analyse();
        assertThat(insights.redundantCalls()).extracting(RedundantCall::seq).containsExactly(5, 8);
        assertThat(insights.redundantCalls().get(0).saveableCostUsd()).isEqualByComparingTo("0.43");
        // the third LLM step also issued list: only the call and its result could have been saved
        assertThat(insights.redundantCalls().get(1).saveableCostUsd()).isEqualByComparingTo("0.03");
        assertThat(insights.redundantCostUsd()).isEqualByComparingTo("0.46");
        assertThat(insights.wasteCostUsd()).isEqualByComparingTo("0.46");
    }

    @Test
    void tellsMutatingToolsByTheWordsOfTheirNames() {
        var tools = new MutatingTools(InsightSettings.DEFAULT_MUTATING_TOOL_PATTERN);
        assertThat(tools.isMutating("write_file")).isTrue();
        assertThat(tools.isMutating("writeFile")).isTrue();
        assertThat(tools.isMutating("str_replace_based_edit_tool")).isTrue();
        assertThat(tools.isMutating("Bash")).isTrue();
        assertThat(tools.isMutating("read_file")).isFalse();
        assertThat(tools.isMutating("compute_output")).isFalse();
        assertThat(tools.isMutating("getInput")).isFalse();
        assertThat(tools.isMutating(null)).isFalse();
        assertThat(new MutatingTools("git").isMutating("git")).isTrue();
    }

    @Test
    void theMutatingPatternIsASetting() {
        var script = new StepScript().call("git", "{\"args\":\"status\"}").call("git", "{\"args\":\"status\"}");
        assertThat(script.analyse().redundantCount()).isEqualTo(1);
        var settings = InsightSettings.defaults().withMutatingToolPattern("git");
        assertThat(InsightAccumulator.analyse(script.steps(), settings).redundantCount()).isZero();
    }
}
