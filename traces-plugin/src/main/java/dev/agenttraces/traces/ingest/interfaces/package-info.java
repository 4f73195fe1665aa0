/**
 * How agents reach ingest.
 */
package dev.agenttraces.traces.ingest.interfaces;
