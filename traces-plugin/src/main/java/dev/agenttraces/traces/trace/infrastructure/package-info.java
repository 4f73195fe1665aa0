/**
 * The trace store: JPQL reads (JpaTraceRepository), the benchmarked JDBC batch writes
 * (JdbcTraceStore, TraceWriter, StepInsert), the datasource, the Flyway migration and the health
 * check.
 */
package dev.agenttraces.traces.trace.infrastructure;
