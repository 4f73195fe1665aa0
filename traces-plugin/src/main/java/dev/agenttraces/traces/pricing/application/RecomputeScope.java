package dev.agenttraces.traces.pricing.application;

import dev.agenttraces.traces.pricing.domain.ModelPatterns;
import dev.agenttraces.traces.pricing.domain.PriceEntry;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which steps a catalogue change can re-price: those whose model matches one of the patterns (the old
 * and the new one when a pattern was edited) and that started on or after the earliest effective date
 * involved. Every step of an affected trace is re-priced, so the trace's totals stay exact.
 */
public record RecomputeScope(Set<String> patterns, LocalDate from) implements Serializable {

    public RecomputeScope {
        patterns = Set.copyOf(patterns);
    }

    /** Everything: used by the "recompute all" action. */
    public static RecomputeScope all() {
        return new RecomputeScope(Set.of(".*"), LocalDate.of(1970, 1, 1));
    }

    /** The scope of an edit: before is null for a new entry, after is null for a deletion. */
    public static RecomputeScope ofChange(PriceEntry before, PriceEntry after) {
        Set<String> patterns = new LinkedHashSet<>();
        LocalDate from = null;
        for (PriceEntry e : new PriceEntry[] {before, after}) {
            if (e != null) {
                patterns.add(e.modelPattern());
                from = from == null || e.effectiveFrom().isBefore(from) ? e.effectiveFrom() : from;
            }
        }
        if (from == null) {
            throw new IllegalArgumentException("a change needs a before or an after");
        }
        return new RecomputeScope(patterns, from);
    }

    public Instant fromInstant() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Matches a model name against the patterns, compiled once for a whole scan. */
    public Predicate<String> modelMatcher() {
        List<Pattern> compiled = patterns.stream().map(ModelPatterns::compile).toList();
        return model -> model != null && compiled.stream().anyMatch(p -> p.matcher(model.strip()).matches());
    }

    public String describe() {
        return "Models matching " + String.join(" or ", patterns.stream().sorted().toList()) + " since " + from;
    }
}
