/**
 * Insights on a trace: flags for waste (redundant tool calls, reasoning loops, retries), cost shares and
 * the compare of two traces. The pure logic lives in {@code insight.domain} and {@code insight.domain.compare};
 * this package is where the wiring into ingest, storage and views will go, so only it may use Jakarta EE.
 */
package dev.agenttraces.traces.insight;
