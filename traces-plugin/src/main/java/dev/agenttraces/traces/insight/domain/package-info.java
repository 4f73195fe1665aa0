/**
 * The insight detectors as plain Java: canonical JSON, redundant calls, reasoning loops, retries and cost
 * shares, fed step by step through {@link dev.agenttraces.traces.insight.domain.InsightAccumulator}.
 * It uses the JDK only (no Jakarta EE, JPA, JDBC or other plugin packages), so it runs in plain unit tests
 * and in a benchmark, and the caller decides where the steps come from.
 */
package dev.agenttraces.traces.insight.domain;
