/**
 * Insight use cases: keeping each trace's flags current as steps arrive ({@code TraceFlagging}, the ingest
 * hook), recomputing stale ones at start ({@code FlagBackfill}), the detectors' settings from MicroProfile
 * Config ({@code InsightConfig}) and the views' reads ({@code InsightQueries}). Uses {@code insight.domain},
 * the trace capability's application and domain, and the port {@code InsightStore}.
 */
package dev.agenttraces.traces.insight.application;
