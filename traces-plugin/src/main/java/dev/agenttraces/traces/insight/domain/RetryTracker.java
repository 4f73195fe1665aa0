package dev.agenttraces.traces.insight.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds retries and whether a trace ends failing after them.
 *
 * <p>An error step belongs to the call it names as parent, else to the latest call before it (a tool call,
 * or a model call: an LLM step, or reasoning that names its model). The next call of the same sort (tool or
 * model) after the error is a retry when it is the same call again: the same tool with canonically equal
 * arguments, or the same model. A different call in between (of that sort) means the agent changed course,
 * so a later identical call no longer counts as a blind retry. A retry that fails and is retried again makes
 * attempt 2, and so on.
 *
 * <p>A trace ends in failure when its last meaningful step is an error; reasoning and system steps after it
 * are commentary (an agent's "I could not fix this") and do not count, unless the reasoning step is itself
 * the retry of a failed model call. It ended in failure after retries when that last error's call was a retry.
 */
final class RetryTracker {

    private static final int MAX_RECENT_CALLS = 64;

    private record Call(int seq, boolean tool, String key, int attempt) {
    }

    private record Failure(Call call, int errorSeq) {
    }

    private final ArrayDeque<Call> recent = new ArrayDeque<>();
    private final List<RetryAttempt> retries = new ArrayList<>();
    private Call lastCall;
    private Failure pending;
    private Failure lastError;
    private boolean endsInError;

    /** {@code callKey} is the tool name and canonical arguments of a tool call, else null. */
    void accept(InsightStep step, String callKey) {
        StepKind kind = step.kind();
        if (kind == StepKind.TOOL_CALL) {
            call(step.seq(), true, callKey);
            endsInError = false;
        } else if (kind.isModelCall(step.model())) {
            boolean retry = call(step.seq(), false, "model\u0000" + step.model());
            if (kind != StepKind.REASONING || retry) {
                endsInError = false;
            }
        } else if (kind == StepKind.ERROR) {
            Call failed = failedCall(step.parentSeq());
            pending = failed == null ? null : new Failure(failed, step.seq());
            lastError = pending;
            endsInError = true;
        } else if (kind != StepKind.SYSTEM && kind != StepKind.REASONING) {
            endsInError = false;
        }
    }

    /** Records a call; true when it retries the pending failure. */
    private boolean call(int seq, boolean tool, String key) {
        int attempt = 0;
        boolean retry = false;
        if (pending != null && pending.call().tool() == tool) {
            if (pending.call().key().equals(key)) {
                attempt = pending.call().attempt() + 1;
                retries.add(new RetryAttempt(seq, pending.call().seq(), pending.errorSeq(), attempt));
                retry = true;
            }
            pending = null;
        }
        lastCall = new Call(seq, tool, key, attempt);
        if (recent.size() == MAX_RECENT_CALLS) {
            recent.removeFirst();
        }
        recent.addLast(lastCall);
        return retry;
    }

    private Call failedCall(Integer parentSeq) {
        if (parentSeq != null) {
            for (Call c : recent) {
                if (c.seq() == parentSeq) {
                    return c;
                }
            }
        }
        return lastCall;
    }

    List<RetryAttempt> retries() {
        return List.copyOf(retries);
    }

    boolean endsInError() {
        return endsInError;
    }

    /** How many retries preceded the final failure; 0 when the trace does not end in failure after retries. */
    int retriesBeforeFailure() {
        return endsInError && lastError != null ? lastError.call().attempt() : 0;
    }
}
