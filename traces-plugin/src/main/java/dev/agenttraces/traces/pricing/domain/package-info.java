/**
 * The catalogue, its entries, tiers and rates, model patterns, CostRule, the
 * PriceCatalogueRepository port, and what an import would change (ImportedPrice, PriceImportPlan).
 * May use trace.domain for the token counts.
 */
package dev.agenttraces.traces.pricing.domain;
