/**
 * Infrastructure rules every capability shares: how a database failure is classified. May use JDBC types;
 * depends on nothing of the capabilities.
 */
package dev.agenttraces.traces.shared.infrastructure;
