/**
 * The OTLP/HTTP trace receiver at {@code POST /traces/v1/traces} (the OTLP default path under the plugin's
 * context root, not under {@code /api}: exporters append {@code /v1/traces} to a base endpoint). A plain servlet
 * rather than a JAX-RS resource because the body is raw bytes in one of two encodings, possibly gzip, and
 * every answer must come back in the request's encoding. Decoding and span mapping are in
 * {@code ingest.otlp}; storing is {@code ingest.application.OtlpIngest}.
 */
package dev.agenttraces.traces.ingest.interfaces.otlp;
