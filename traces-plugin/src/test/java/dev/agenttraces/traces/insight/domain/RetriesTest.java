package dev.agenttraces.traces.insight.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class RetriesTest {

    @Test
    void theSameCallRightAfterAnErrorIsARetry() {
        var script = new StepScript()
                .call("fetch", "{\"url\":\"u\",\"n\":1}").error("HTTP 503")
                .reason("The server was busy; try again.")
                .call("fetch", "{\"n\":1.0,\"url\":\"u\"}").result("fetch", "ok");
        var insights = script.analyse();
        assertThat(insights.retries()).extracting(RetryAttempt::seq, RetryAttempt::failedSeq, RetryAttempt::errorSeq,
                RetryAttempt::attempt).containsExactly(tuple(4, 1, 2, 1));
        assertThat(insights.flagsOf(4)).containsExactly(StepFlag.RETRY);
        assertThat(insights.endsInError()).isFalse();
        assertThat(insights.failedAfterRetries()).isFalse();
        assertThat(insights.redundantCalls()).as("a retry is not a redundant call").isEmpty();
    }

    @Test
    void aDifferentCallAfterTheErrorIsAChangeOfCourse() {
        var script = new StepScript()
                .call("fetch", "{\"url\":\"u\"}").error("HTTP 503")
                .call("fetch", "{\"url\":\"mirror\"}")
                .call("fetch", "{\"url\":\"u\"}");
        assertThat(script.analyse().retries()).isEmpty();
    }

    @Test
    void anErrorBelongsToTheCallItNamesAsParent() {
        var script = new StepScript()
                .call("build", "{}").call("lint", "{}")
                .under(1).error("build failed")
                .call("build", "{}");
        assertThat(script.analyse().retries()).extracting(RetryAttempt::failedSeq).containsExactly(1);
    }

    @Test
    void endsInFailureAfterRetries() {
        var script = new StepScript()
                .call("deploy_status", "{\"id\":9}").error("timeout")
                .call("deploy_status", "{\"id\":9}").error("timeout")
                .call("deploy_status", "{\"id\":9}").error("timeout")
                .reason("I could not get the status; giving up.")
                .system("agent stopped");
        var insights = script.analyse();
        assertThat(insights.retries()).extracting(RetryAttempt::attempt).containsExactly(1, 2);
        assertThat(insights.endsInError()).isTrue();
        assertThat(insights.failedAfterRetries()).isTrue();
        assertThat(insights.retriesBeforeFailure()).isEqualTo(2);
        assertThat(insights.hasFlags()).isTrue();
    }

    @Test
    void anErrorWithoutRetriesEndsInErrorButNotAfterRetries() {
        var insights = new StepScript().call("fetch", "{}").error("boom").analyse();
        assertThat(insights.endsInError()).isTrue();
        assertThat(insights.failedAfterRetries()).isFalse();
        assertThat(insights.retriesBeforeFailure()).isZero();
    }

    @Test
    void aSuccessfulRetryDoesNotEndInFailure() {
        var script = new StepScript()
                .call("fetch", "{}").error("boom")
                .call("fetch", "{}").error("boom")
                .call("fetch", "{}").result("fetch", "ok");
        var insights = script.analyse();
        assertThat(insights.retryCount()).isEqualTo(2);
        assertThat(insights.endsInError()).isFalse();
        assertThat(insights.failedAfterRetries()).isFalse();
    }

    @Test
    void theSameModelCalledAgainAfterItsErrorIsARetry() {
        var script = new StepScript()
                .llm("gpt-x", "0.1").error("rate limited")
                .llm("gpt-x", "0.1").error("rate limited")
                .llm("other-model", "0.1");
        var insights = script.analyse();
        assertThat(insights.retries()).extracting(RetryAttempt::seq, RetryAttempt::attempt).containsExactly(tuple(3, 1));
        assertThat(insights.endsInError()).isFalse();
    }

    @Test
    void reasoningThatRetriesAFailedModelCallEndsTheFailure() {
        var script = new StepScript().reason("draft", "0.1").error("overloaded").reason("final answer", "0.1");
        var insights = script.analyse();
        assertThat(insights.retryCount()).isEqualTo(1);
        assertThat(insights.endsInError()).isFalse();
    }
}
