/**
 * The demo's simulated agents: a plain Java program (no server dependencies) that works the demo's task board
 * through the host's demo agent API and sends every run's trace through the plugin's public ingest APIs, JSON
 * and OTLP, exactly as an outside agent would. Started by bin/demo; see README "The living demo".
 */
package dev.agenttraces.demo.agents;
