/**
 * Demo-mode facts that the host and the plugin must agree on: when a database holds real (non-demo) data, so
 * that neither side puts published credentials (demo accounts, the demo ingest token) into it. Plain Java with
 * no dependencies, so either side can use it without the other.
 */
package dev.agenttraces.taskboard.model.demo;
