/**
 * The catalogue, its entries, tiers and rates, model patterns, CostRule and the
 * PriceCatalogueRepository port. May use trace.domain for the token counts.
 */
package dev.agenttraces.traces.pricing.domain;
