package dev.agenttraces.traces.spend.domain;

import java.io.Serializable;

import java.math.BigDecimal;

/** One agent's spend over a period, for the widget's "spend by agent". */
public record AgentSpend(long agentId, String agent, BigDecimal costUsd) implements Serializable {
}
