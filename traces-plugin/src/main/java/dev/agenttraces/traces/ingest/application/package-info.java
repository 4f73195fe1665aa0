/**
 * The ingest use cases (TraceIngest for the JSON API, OtlpIngest for OTLP spans, with SpanSteps and
 * TraceSpanWrite), the transactions both write through (IngestTransactions), batch pricing, ingest tokens and ingest
 * settings. Talks to storage only through ports.
 */
package dev.agenttraces.traces.ingest.application;
