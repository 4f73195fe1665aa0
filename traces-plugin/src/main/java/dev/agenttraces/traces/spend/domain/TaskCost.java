package dev.agenttraces.traces.spend.domain;

import java.io.Serializable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;

/**
 * A task's cost over a period, for the "top tasks by cost" ranking of the API and the cost widget.
 * {@code topTrace} is the task's most expensive trace in the period and {@code agent} the agent that
 * ran it; {@code tokens} counts every token (input, cached input, cache writes, output and reasoning). It is
 * a sum over traces, each of up to {@link Long#MAX_VALUE} tokens, so it is a {@link BigInteger}: two traces of
 * 5e18 tokens on one task broke the ranking and the cost widget for the whole board when it was a long.
 */
public record TaskCost(long taskId, String title, long boardId, String board, String agent, BigDecimal costUsd,
                       long traces, long steps, BigInteger tokens, long unpricedSteps, UUID topTrace) implements Serializable {
}
