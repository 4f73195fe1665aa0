package dev.agenttraces.traces.pricing.domain;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One model's prices as read from an imported price file, already in the catalogue's units (USD per 1M
 * tokens) and names (the model as the agents report it, the catalogue's provider name).
 */
public record ImportedPrice(String model, String provider, Rates rates, List<PriceTier> tiers) implements Serializable {

    public ImportedPrice {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(rates, "rates");
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** The catalogue pattern naming exactly this model: its name with every regex metacharacter escaped. */
    public String pattern() {
        return ModelPatterns.literal(model);
    }
}
