package dev.agenttraces.traces.review.application;

import dev.agenttraces.traces.access.application.ViewerAccess;
import dev.agenttraces.traces.insight.application.TraceFlagging;
import dev.agenttraces.traces.insight.domain.FlagTotals;
import dev.agenttraces.traces.review.domain.CostMedian;
import dev.agenttraces.traces.review.domain.ReviewRepository;
import dev.agenttraces.traces.review.domain.TaskBrief;
import dev.agenttraces.traces.review.domain.ToolUse;
import dev.agenttraces.traces.spend.application.SpendReport;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import dev.agenttraces.traces.trace.domain.TraceStatus;
import dev.agenttraces.traces.trace.domain.TaskRef;
import dev.agenttraces.taskboard.model.budget.BudgetRule;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The review summary of a task in Review: what the agent was asked (the task's description and the trace's
 * system instructions) beside what it did (its tools, flags and errors) and its output, its cost against the
 * agent's median for similar tasks (the agent's other tasks on the same board, the latest
 * {@link #SIMILAR_TASKS}), and where the agent stands against its budget ({@link BudgetRule} through
 * {@link SpendReport#standing}). Read within the viewer's board scope.
 */
@RequestScoped
public class ReviewSummaries {

    /** Similar tasks a median is taken over. */
    public static final int SIMILAR_TASKS = 50;

    @Inject
    ViewerAccess access;
    @Inject
    ReviewRepository reviews;
    @Inject
    TraceFlagging flagging;
    @Inject
    SpendReport spend;
    @Inject
    ReviewFacts facts;

    /**
     * @param trace          the latest trace (the one that produced the output under review), null when none
     * @param taskCostUsd    the cost of all the task's traces (retries included)
     * @param taskUnpricedSteps steps of those traces that could not be priced (the cost then leaves them out)
     * @param medianCostUsd  the median of similar tasks, null when the agent has none yet
     * @param similarTasks   how many tasks the median is over
     * @param percentOfMedian the task's cost in percent of the median, null without one
     * @param budgetLevel    where the agent stands, null when the agent is unknown
     */
    public record Summary(TaskBrief task, TraceSummary trace, String instructions, List<ToolUse> tools,
                          FlagTotals flags, int errors, BigDecimal taskCostUsd, int taskUnpricedSteps, BigDecimal medianCostUsd,
                          int similarTasks, Integer percentOfMedian, BudgetRule.Level budgetLevel,
                          BigDecimal budgetSpendUsd, BigDecimal budgetUsd) implements Serializable {

        public boolean nearBudget() {
            return budgetLevel == BudgetRule.Level.WARNING || budgetLevel == BudgetRule.Level.EXHAUSTED;
        }
    }

    /** The summary of a task in Review; empty when the task is not in Review or not visible. */
    public Optional<Summary> of(TaskRef ref, List<TraceSummary> traces) {
        Optional<TaskBrief> brief = reviews.brief(ref.id(), access.scope()).filter(TaskBrief::inReview);
        if (brief.isEmpty()) {
            return Optional.empty();
        }
        TaskBrief task = brief.get();
        TraceSummary latest = traces.stream().filter(t -> t.status() != TraceStatus.RUNNING).findFirst()
                .orElse(traces.isEmpty() ? null : traces.get(0));
        BigDecimal cost = traces.stream().map(TraceSummary::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        int errors = traces.stream().mapToInt(TraceSummary::errorCount).sum();
        int unpriced = traces.stream().mapToInt(TraceSummary::unpricedSteps).sum();
        Long agent = latest != null ? Long.valueOf(latest.agentId()) : task.assigneeAgentId();
        List<BigDecimal> similar = agent == null ? List.of()
                : reviews.similarTaskCosts(agent, task.boardId(), task.id(), SIMILAR_TASKS);
        BigDecimal median = CostMedian.of(similar);
        Optional<SpendReport.BudgetStanding> standing = agent == null ? Optional.empty() : spend.standing(agent, Instant.now());
        ReviewFacts.Facts read = latest == null ? null : facts.of(latest);
        return Optional.of(new Summary(task, latest, read == null ? null : read.instructions(),
                read == null ? List.of() : read.tools(),
                latest == null ? null : flagging.current(latest.id(), latest.stepCount()).orElse(null),
                errors, cost, unpriced, median, similar.size(), CostMedian.percentOf(cost, median),
                standing.map(SpendReport.BudgetStanding::level).orElse(null),
                standing.map(s -> s.spend().costUsd()).orElse(null),
                standing.map(s -> s.agent().monthlyBudgetUsd()).orElse(null)));
    }
}
