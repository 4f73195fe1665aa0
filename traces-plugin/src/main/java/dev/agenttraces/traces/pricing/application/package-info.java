/**
 * The catalogue pricer (StepPricer), price drafts for the admin page, and the recompute service
 * with its ports (RecomputeJobLog, TraceRepricing).
 */
package dev.agenttraces.traces.pricing.application;
