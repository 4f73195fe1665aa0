package dev.agenttraces.traces.pricing.domain;

import dev.agenttraces.traces.trace.domain.TokenCounts;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One line of the price catalogue: the models it prices (a regular expression matched against the
 * whole model name, ignoring case), their provider, the day the price took effect (00:00 UTC), the base
 * rates, optional input-size tiers and where the numbers came from.
 *
 * @param id null until stored
 */
public record PriceEntry(Long id, String modelPattern, String provider, LocalDate effectiveFrom, Rates base,
                         List<PriceTier> tiers, String source) implements Serializable {

    public PriceEntry {
        Objects.requireNonNull(modelPattern, "model pattern");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(effectiveFrom, "effective from");
        Objects.requireNonNull(base, "base rates");
        tiers = tiers == null ? List.of()
                : tiers.stream().sorted(Comparator.comparingLong(PriceTier::aboveInputTokens)).toList();
    }

    /** The instant the price takes effect: the start of {@link #effectiveFrom()} in UTC. */
    public Instant effectiveInstant() {
        return effectiveFrom.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * The rates for a step of this size: the tier with the highest threshold that the step's total input
     * (uncached + cached) exceeds, or the base rates. The whole step is priced at that tier.
     */
    public Rates ratesFor(TokenCounts tokens) {
        Rates chosen = base;
        for (PriceTier tier : tiers) {
            if (tokens.totalInput() > tier.aboveInputTokens()) {
                chosen = tier.rates();
            }
        }
        return chosen;
    }

    public boolean isLiteral() {
        return ModelPatterns.isLiteral(modelPattern);
    }
}
