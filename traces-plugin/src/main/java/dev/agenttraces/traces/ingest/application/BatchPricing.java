package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.pricing.domain.CostRule;

import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import dev.agenttraces.traces.trace.domain.PricedStep;
import dev.agenttraces.traces.pricing.application.StepPricer;
import dev.agenttraces.traces.trace.domain.StepType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prices the steps of a batch through the pricing capability's {@link StepPricer}, under the pricing capability's {@link CostRule}. Without a pricer (or when it
 * fails) a step is stored unpriced, never as $0: ingest must not lose steps because pricing is down.
 */
@ApplicationScoped
public class BatchPricing {

    private static final Logger LOG = Logger.getLogger(BatchPricing.class.getName());

    @Inject
    Instance<StepPricer> pricers;

    /** Pricing for one batch of one trace: the pricer is resolved once per batch. */
    public Run begin(TraceSummary trace) {
        StepPricer pricer = pricers.isResolvable() ? pricers.get() : null;
        return new Run(pricer, trace.model(), trace.provider());
    }

    public record Run(StepPricer pricer, String traceModel, String provider) {

        public PricedStep price(StepInput step, String hash) {
            String model = CostRule.effectiveModel(step.model(), traceModel);
            return new PricedStep(step, model, cost(model, step), hash);
        }

        private BigDecimal cost(String model, StepInput step) {
            if (step.tokens().isEmpty()) {
                return CostRule.zero(); // nothing to bill, whatever the model (as the catalogue and recompute say)
            }
            if (pricer == null || model == null) {
                return null;
            }
            try {
                return CostRule.stored(pricer.price(model, provider, step.startedAt(), step.tokens()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Pricing failed for model " + model + "; step stored unpriced", e);
                return null;
            }
        }
    }
}
