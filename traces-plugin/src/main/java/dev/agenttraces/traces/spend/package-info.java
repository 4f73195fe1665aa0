/**
 * Spend: agent spend in a period, top tasks by cost and daily spend. The budget period and the
 * warning rule come from taskboard-model, so host and plugin always agree.
 */
package dev.agenttraces.traces.spend;
