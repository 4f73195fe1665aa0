/**
 * Traces and their steps: the model (one embeddable for the token counts), the single read model
 * that both the REST API and the views use, and the JDBC batch write path that ingest drives
 * through the TraceStore port.
 */
package dev.agenttraces.traces.trace;
