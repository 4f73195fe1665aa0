/**
 * The ingest use cases (TraceIngest), batch pricing, ingest tokens and ingest settings. Talks to
 * storage only through ports.
 */
package dev.agenttraces.traces.ingest.application;
