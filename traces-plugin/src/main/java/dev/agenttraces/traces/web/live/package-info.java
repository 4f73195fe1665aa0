/**
 * Live updates of the open task panels by push: a plain Jakarta WebSocket per panel
 * ({@link dev.agenttraces.traces.web.live.PanelSocket}, admitted at the handshake by
 * {@link dev.agenttraces.traces.web.live.PanelAdmission} from the frame session's identity and the task's board),
 * {@link dev.agenttraces.traces.web.live.LiveUpdates} deciding when a task's traces changed and pushing a bare
 * "refresh". Nothing here lives in an HTTP session, so the plugin's sessions replicate. May use trace (the
 * TraceChanges port, the TracesWritten event, TraceQueries), access (the frame session's identity, the Viewers
 * port) and Faces; reads nothing a viewer could not, because the push carries no data and the panel's refresh
 * goes through the viewer-scoped queries again.
 */
package dev.agenttraces.traces.web.live;
