/**
 * The catalogue pricer (StepPricer), price drafts for the admin page, the recompute service
 * with its ports (RecomputeJobLog, TraceRepricing), and the LiteLLM price-file import (LiteLlmPriceFile,
 * PriceImport).
 */
package dev.agenttraces.traces.pricing.application;
