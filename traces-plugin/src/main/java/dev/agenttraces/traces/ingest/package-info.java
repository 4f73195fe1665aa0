/**
 * Ingest: the endpoints agents call, parsing and validation of what they send, idempotent
 * replays, and ingest tokens. Writes through the trace capability's TraceStore port and prices
 * through the pricing capability.
 */
package dev.agenttraces.traces.ingest;
