/**
 * Ingest requests and answers (StartTrace, StepBatch, StepOutcome), ingest tokens and their
 * scope, and the IngestTokenRepository port.
 */
package dev.agenttraces.traces.ingest.domain;
