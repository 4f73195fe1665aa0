package dev.agenttraces.traces.spend.domain;

import java.io.Serializable;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A task's cost over a period, for the "top tasks by cost" ranking of the API and the cost widget.
 * {@code topTrace} is the task's most expensive trace in the period and {@code agent} the agent that
 * ran it; {@code tokens} counts every token (input, cached input, output and reasoning).
 */
public record TaskCost(long taskId, String title, long boardId, String board, String agent, BigDecimal costUsd,
                       long traces, long steps, long tokens, long unpricedSteps, UUID topTrace) implements Serializable {
}
