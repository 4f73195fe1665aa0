package dev.agenttraces.traces.insight.domain;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds tool calls that repeat an earlier call while nothing could have changed its result.
 *
 * <p>The rule: a call is redundant when, since the latest <em>reset</em>, a call to the same tool with
 * canonically equal arguments was made, and (once both results are known) the two results are the same up to
 * leading and trailing whitespace. A reset is a call to a mutating tool (see {@link MutatingTools}: a write, a shell command, a
 * click may change what any tool reads) or an error step (after an error the state is uncertain: a failed
 * write may have half-applied, a timed-out command may have run anyway; and a repeat right after an error is
 * a retry, which {@link RetryTracker} reports instead). Calls to mutating tools are never redundant
 * themselves: running tests or sending a message twice is not idempotent. A repeat whose result differs from
 * the earlier one proves the world changed under the agent (polling a build, say), so it is not flagged.
 *
 * <p>Results pair with calls by {@code parentSeq} when given, else with the oldest unanswered call of the same
 * tool. The saveable cost is the call's, its result's, and the LLM step's that issued it when the tree names
 * that step as the call's parent and the step issued nothing else; without a tree the LLM's cost is not
 * counted, since it cannot be told apart from reasoning that served other steps.
 */
final class RedundancyDetector {

    /** Unanswered calls kept for pairing with results; older ones are given up. */
    private static final int MAX_UNANSWERED = 64;
    /** Recent model steps kept as possible parents of calls; children arrive soon after their parent. */
    private static final int MAX_PARENTS = 64;

    private static final class ModelStep {
        final BigDecimal cost;
        int children;

        ModelStep(BigDecimal cost) {
            this.cost = cost;
        }
    }

    private static final class Call {
        final int seq;
        final String toolName;
        final BigDecimal cost;
        final ModelStep parent;
        Call repeats;
        Integer resultSeq;
        BigDecimal resultCost = BigDecimal.ZERO;
        long resultHash;

        Call(InsightStep step, ModelStep parent) {
            this.seq = step.seq();
            this.toolName = step.toolName();
            this.cost = step.costOrZero();
            this.parent = parent;
        }
    }

    private final MutatingTools mutating;
    private final Map<String, Call> sinceReset = new HashMap<>();
    private final ArrayDeque<Call> unanswered = new ArrayDeque<>();
    private final List<Call> repeats = new ArrayList<>();
    /** The latest model steps, newest at {@code parentCount - 1} (mod the ring): a scan beats a map here. */
    private final int[] parentSeqs = new int[MAX_PARENTS];
    private final ModelStep[] parentSteps = new ModelStep[MAX_PARENTS];
    private long parentCount;

    RedundancyDetector(MutatingTools mutating) {
        this.mutating = mutating;
    }

    /** {@code callKey} is the tool name and canonical arguments of a tool call, else null. */
    void accept(InsightStep step, String callKey) {
        ModelStep parent = step.parentSeq() == null ? null : parent(step.parentSeq());
        if (parent != null && step.kind() != StepKind.TOOL_RESULT) {
            parent.children++;
        }
        switch (step.kind()) {
            case TOOL_CALL -> call(step, callKey, parent);
            case TOOL_RESULT -> result(step);
            case ERROR -> sinceReset.clear();
            default -> {
                if (step.kind().isModelCall(step.model())) {
                    int slot = (int) (parentCount++ % MAX_PARENTS);
                    parentSeqs[slot] = step.seq();
                    parentSteps[slot] = new ModelStep(step.costOrZero());
                }
            }
        }
    }

    private ModelStep parent(int seq) {
        for (long i = parentCount - 1; i >= Math.max(0, parentCount - MAX_PARENTS); i--) {
            int slot = (int) (i % MAX_PARENTS);
            if (parentSeqs[slot] == seq) {
                return parentSteps[slot];
            }
        }
        return null;
    }

    private void call(InsightStep step, String callKey, ModelStep parent) {
        Call call = new Call(step, parent);
        if (unanswered.size() == MAX_UNANSWERED) {
            unanswered.removeFirst();
        }
        unanswered.addLast(call);
        if (mutating.isMutating(step.toolName())) {
            sinceReset.clear();
            return;
        }
        call.repeats = sinceReset.put(callKey, call);
        if (call.repeats != null) {
            repeats.add(call);
        }
    }

    private void result(InsightStep step) {
        Call call = takeCall(step);
        if (call != null) {
            call.resultSeq = step.seq();
            call.resultCost = step.costOrZero();
            call.resultHash = TextFingerprint.contentHash(step.text());
        }
    }

    private Call takeCall(InsightStep result) {
        Call byTool = null;
        for (Iterator<Call> it = unanswered.iterator(); it.hasNext(); ) {
            Call c = it.next();
            if (result.parentSeq() != null && result.parentSeq() == c.seq) {
                it.remove();
                return c;
            }
            if (byTool == null && result.parentSeq() == null && java.util.Objects.equals(c.toolName, result.toolName())) {
                byTool = c;
            }
        }
        if (byTool != null) {
            unanswered.remove(byTool);
        }
        return byTool;
    }

    List<RedundantCall> redundantCalls() {
        List<RedundantCall> found = new ArrayList<>(repeats.size());
        for (Call c : repeats) {
            Call earlier = c.repeats;
            if (c.resultSeq != null && earlier.resultSeq != null && c.resultHash != earlier.resultHash) {
                continue;
            }
            BigDecimal saveable = c.cost.add(c.resultCost);
            if (c.parent != null && c.parent.children == 1) {
                saveable = saveable.add(c.parent.cost);
            }
            found.add(new RedundantCall(c.seq, earlier.seq, c.toolName, c.resultSeq, saveable));
        }
        return found;
    }
}
