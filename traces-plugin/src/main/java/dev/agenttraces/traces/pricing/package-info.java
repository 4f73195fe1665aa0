/**
 * Pricing: the price catalogue with tiers and effective dates, the pricer, and the exact
 * background recompute. The cost-rounding rule and the step-falls-back-to-its-trace's-model rule
 * live once, in CostRule.
 */
package dev.agenttraces.traces.pricing;
