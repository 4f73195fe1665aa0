package dev.agenttraces.traces.pricing.domain;

import dev.agenttraces.traces.trace.domain.TokenCounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An immutable, pre-sorted snapshot of the catalogue that prices steps. It is consulted for every
 * ingested step, so patterns are compiled once, entries are kept in specificity order (the first entry
 * that applies wins) and the pattern matches of each model name are memoised.
 *
 * <p>The most specific entry, deterministically: among entries whose pattern matches the whole model
 * name (ignoring case), whose provider equals the step's provider (ignoring case; any provider when the
 * step has none) and whose effective-from is at or before the step's time,
 * <ol>
 *     <li>a literal pattern beats a regular expression,</li>
 *     <li>then the longer pattern (characters as written) wins,</li>
 *     <li>then the later effective-from,</li>
 *     <li>then the lower id (older entry), so two equal entries never flip.</li>
 * </ol>
 */
public final class PriceCatalogue {

    private static final int MEMO_LIMIT = 10_000;

    static final Comparator<PriceEntry> MOST_SPECIFIC_FIRST = Comparator
            .comparing(PriceEntry::isLiteral).reversed()
            .thenComparing(Comparator.comparingInt((PriceEntry e) -> e.modelPattern().length()).reversed())
            .thenComparing(Comparator.comparing(PriceEntry::effectiveFrom).reversed())
            .thenComparing(e -> e.id() == null ? Long.MAX_VALUE : e.id());

    private record Compiled(PriceEntry entry, Pattern pattern, Instant effective) {
    }

    private final List<Compiled> entries;
    private final Map<String, List<Compiled>> byModel = new ConcurrentHashMap<>();

    public PriceCatalogue(List<PriceEntry> entries) {
        this.entries = entries.stream().sorted(MOST_SPECIFIC_FIRST)
                .map(e -> new Compiled(e, ModelPatterns.compile(e.modelPattern()), e.effectiveInstant()))
                .toList();
    }

    public List<PriceEntry> entries() {
        return entries.stream().map(Compiled::entry).toList();
    }

    /** The entry that prices this model for this provider at this time, if any. */
    public Optional<PriceEntry> match(String model, String provider, Instant at) {
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        boolean anyProvider = provider == null || provider.isBlank();
        for (Compiled c : candidates(model.strip())) {
            if (!c.effective().isAfter(at) && (anyProvider || c.entry().provider().equalsIgnoreCase(provider.strip()))) {
                return Optional.of(c.entry());
            }
        }
        return Optional.empty();
    }

    /**
     * The exact cost of a step in USD, or null when no entry prices its model. A step without tokens
     * (a tool result, an error) costs exactly zero whatever its model: there is nothing to bill, so it
     * is never flagged unpriced.
     */
    public BigDecimal price(String model, String provider, Instant at, TokenCounts tokens) {
        if (tokens.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return match(model, provider, at).map(e -> e.ratesFor(tokens).cost(tokens)).orElse(null);
    }

    private List<Compiled> candidates(String model) {
        List<Compiled> found = byModel.get(model);
        if (found == null) {
            found = entries.stream().filter(c -> c.pattern().matcher(model).matches()).toList();
            if (byModel.size() >= MEMO_LIMIT) {
                byModel.clear();
            }
            byModel.put(model, found);
        }
        return found;
    }
}
