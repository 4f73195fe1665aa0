/**
 * Sending runs to the plugin: its JSON ingest API, or GenAI spans through the OpenTelemetry SDK's OTLP
 * exporter, with a per-run fall-back to JSON while the OTLP receiver is not there.
 */
package dev.agenttraces.demo.agents.send;
