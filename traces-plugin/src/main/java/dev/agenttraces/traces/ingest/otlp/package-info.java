/**
 * OTLP/HTTP trace ingest, decode and map layer: {@link dev.agenttraces.traces.ingest.otlp.OtlpTraceDecoder} turns a
 * request body (protobuf or OTLP/JSON, optionally gzip) into the official {@code ExportTraceServiceRequest}, and
 * {@link dev.agenttraces.traces.ingest.otlp.GenAiSpanMapper} turns its spans (OpenTelemetry GenAI, OpenInference
 * and OpenLLMetry attribute families) into neutral {@link dev.agenttraces.traces.ingest.otlp.GenAiSpan} records
 * plus one refusal per span it cannot accept.
 * Classes here may use only the JDK, the generated OpenTelemetry proto classes, protobuf-java(-util) and JSON-P;
 * they know nothing of the store, JPA, JAX-RS or CDI, so the endpoint and the step mapping are wired elsewhere.
 */
package dev.agenttraces.traces.ingest.otlp;
