package dev.agenttraces.traces.insight.domain;

/**
 * A call made again, unchanged, right after it failed.
 *
 * @param seq       the retrying call
 * @param failedSeq the call that failed just before (the original, or the previous retry)
 * @param errorSeq  the error step that reported the failure
 * @param attempt   1 for the first retry of a call, 2 for the retry of that retry, and so on
 */
public record RetryAttempt(int seq, int failedSeq, int errorSeq, int attempt) {
}
