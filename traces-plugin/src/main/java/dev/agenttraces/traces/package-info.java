/**
 * Agent Traces, the plugin: one package per capability (trace, ingest, pricing, spend, access, web),
 * each with domain, application, infrastructure and interfaces layers where it has them. See
 * ARCHITECTURE.md at the repository root for the direction of dependencies.
 */
package dev.agenttraces.traces;
