/**
 * The read API of traces: task and agent trace lists and the export of one trace, with their JSON
 * shapes.
 */
package dev.agenttraces.traces.trace.interfaces.rest;
