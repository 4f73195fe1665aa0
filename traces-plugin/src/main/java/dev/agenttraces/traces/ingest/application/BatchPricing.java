package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.ingest.domain.StepInput;
import dev.agenttraces.traces.ingest.domain.TraceSummary;
import dev.agenttraces.traces.ingest.infrastructure.TraceWriter.PricedStep;
import dev.agenttraces.traces.ingest.infrastructure.TraceWriter.Totals;
import dev.agenttraces.traces.pricing.application.StepPricer;
import dev.agenttraces.traces.store.domain.StepType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prices the steps of a batch through the pricing capability's {@link StepPricer} and sums them into
 * the trace's totals. Costs are rounded to the column's scale first, so the trace total is exactly
 * the sum of the stored step costs. Without a pricer (or when it fails) a step is stored unpriced,
 * never as $0: ingest must not lose steps because pricing is unavailable.
 */
@ApplicationScoped
public class BatchPricing {

    /** Scale of the cost columns (numeric(24, 12)). */
    public static final int COST_SCALE = 12;

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
            String model = step.model() != null ? step.model() : traceModel;
            return new PricedStep(step, model, cost(model, step), hash);
        }

        private BigDecimal cost(String model, StepInput step) {
            if (pricer == null || model == null) {
                return null;
            }
            try {
                BigDecimal cost = pricer.price(model, provider, step.startedAt(), step.tokens());
                return cost == null ? null : cost.setScale(COST_SCALE, RoundingMode.HALF_EVEN);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Pricing failed for model " + model + "; step stored unpriced", e);
                return null;
            }
        }
    }

    /** What a batch of new steps adds to its trace's totals. */
    public static Totals totals(List<PricedStep> steps) {
        int errors = 0;
        int unpriced = 0;
        long input = 0;
        long output = 0;
        long cached = 0;
        long reasoning = 0;
        BigDecimal cost = BigDecimal.ZERO.setScale(COST_SCALE);
        for (PricedStep p : steps) {
            StepInput s = p.step();
            errors += s.type() == StepType.ERROR ? 1 : 0;
            input += s.tokens().input();
            output += s.tokens().output();
            cached += s.tokens().cachedInput();
            reasoning += s.tokens().reasoning();
            if (p.cost() == null) {
                unpriced++;
            } else {
                cost = cost.add(p.cost());
            }
        }
        return new Totals(steps.size(), errors, input, output, cached, reasoning, cost, unpriced);
    }
}
