/**
 * Ingest requests and answers (StartTrace, StepBatch, StepOutcome), ingest tokens and their
 * scope, the IngestTokenRepository port, and redaction (Redactor, RedactionPattern, RedactionDefaults,
 * RedactionRules: pure, JDK only).
 */
package dev.agenttraces.traces.ingest.domain;
