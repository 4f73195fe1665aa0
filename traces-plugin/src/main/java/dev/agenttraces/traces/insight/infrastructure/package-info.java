/**
 * The insight store over the trace tables: steps read for the detectors (JPQL pages), the flag tables
 * {@code trace_insight} and {@code trace_step_flag} (native SQL reads through the persistence unit, JDBC writes).
 * May use the trace capability's infrastructure (its JDBC transaction) and domain.
 */
package dev.agenttraces.traces.insight.infrastructure;
