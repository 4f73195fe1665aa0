/**
 * Infrastructure rules every capability shares: how a database failure is classified (DatabaseFailures), and the
 * JDBC run table behind each RunLog (JdbcRunLog). May use JDBC and JTA types; depends on nothing of the capabilities.
 */
package dev.agenttraces.traces.shared.infrastructure;
