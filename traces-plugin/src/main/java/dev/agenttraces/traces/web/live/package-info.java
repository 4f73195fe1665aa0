/**
 * Live updates of the open task panels by push: a Faces websocket per panel (channel {@code task}, one
 * user per task id), {@link dev.agenttraces.traces.web.live.LiveUpdates} deciding when a task's traces
 * changed and pushing a bare "refresh". May use trace.domain (the TraceChanges port and the
 * TracesWritten event) and Faces; reads nothing a viewer could not, because the push carries no data and
 * the panel's refresh goes through the viewer-scoped queries again.
 */
package dev.agenttraces.traces.web.live;
