/**
 * RetentionService: the preview for the admin page, per-board settings, and the run itself (started by an admin
 * or by the schedule, once across servers through the run log), batch after batch; RetentionSettings reads the
 * {@code agent.traces.retention.*} keys.
 */
package dev.agenttraces.traces.retention.application;
