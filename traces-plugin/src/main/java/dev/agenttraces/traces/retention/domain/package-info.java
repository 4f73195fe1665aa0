/**
 * The cutoff rule (RetentionRule: a board's own days or the global ones, 0 keeps forever, whole UTC days), the
 * values a preview and a run report (BoardPolicy, Removable, RetentionPreview, RemovedBatch, RetentionRun) and the
 * ports RetentionRepository and RetentionRunLog (a shared RunLog). JDK and the shared package only.
 */
package dev.agenttraces.traces.retention.domain;
