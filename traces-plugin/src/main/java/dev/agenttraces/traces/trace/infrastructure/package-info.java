/**
 * The trace store: JPQL reads (JpaTraceRepository), the benchmarked JDBC batch writes
 * (JdbcTraceStore, TraceWriter, StepInsert), the datasource, the Flyway migration and the health
 * check; and the plugin's JDBC helpers other capabilities' infrastructure builds on (JdbcTransaction, and
 * JdbcRunLog, the one-run-at-a-time table behind each shared RunLog).
 */
package dev.agenttraces.traces.trace.infrastructure;
