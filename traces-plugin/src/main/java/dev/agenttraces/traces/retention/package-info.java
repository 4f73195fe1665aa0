/**
 * Retention: how long traces are kept (globally from MicroProfile Config, per board in {@code board_retention}),
 * what the next run would remove, and the background run that removes older traces in small batches while the
 * spend rollups stay exact. See docs/SCALE.md, "Retention".
 */
package dev.agenttraces.traces.retention;
