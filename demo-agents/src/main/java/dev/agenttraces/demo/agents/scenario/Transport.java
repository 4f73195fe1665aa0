package dev.agenttraces.demo.agents.scenario;

/** How a run reaches the plugin: its JSON ingest API, or OTLP through the OpenTelemetry SDK exporter. */
public enum Transport { JSON, OTLP }
