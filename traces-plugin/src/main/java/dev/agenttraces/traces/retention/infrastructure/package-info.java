/**
 * The retention tables and the batch removal in JDBC (JdbcRetentionStore, JdbcRetentionRuns; each batch is one
 * transaction that locks its traces in id order, subtracts them from the spend rollups and deletes them with their
 * dependent rows), and the schedule (RetentionSchedule, a ManagedScheduledExecutorService task).
 */
package dev.agenttraces.traces.retention.infrastructure;
