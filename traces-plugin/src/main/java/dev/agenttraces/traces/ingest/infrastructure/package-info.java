/**
 * Ingest tokens in JDBC and the demo token a demo start creates.
 */
package dev.agenttraces.traces.ingest.infrastructure;
