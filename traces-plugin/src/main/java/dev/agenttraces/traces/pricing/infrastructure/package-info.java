/**
 * The catalogue, the recompute jobs and the repricer in JDBC; each recompute chunk is one
 * transaction that locks its traces first.
 */
package dev.agenttraces.traces.pricing.infrastructure;
