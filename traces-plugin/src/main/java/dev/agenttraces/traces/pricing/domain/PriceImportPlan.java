package dev.agenttraces.traces.pricing.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What importing a price file would do to the catalogue, worked out before anything is written: for each
 * imported model, the entry that prices it today from the chosen effective date (whatever its pattern,
 * literal or not) decides whether it is new, changed or unchanged. Only new and changed models are written,
 * each as a new literal entry effective from that date, so older steps keep the prices they had (history is
 * never rewritten) and a re-import of the same file changes nothing.
 */
public final class PriceImportPlan implements Serializable {

    /** What happens to one model. */
    public enum Kind {
        NEW, CHANGED, UNCHANGED, REFUSED
    }

    /**
     * One model of the file.
     *
     * @param current the entry pricing the model now (null for a new one)
     * @param problem why a model is refused, else null
     */
    public record Change(Kind kind, ImportedPrice imported, PriceEntry current, String problem) implements Serializable {

        public boolean written() {
            return kind == Kind.NEW || kind == Kind.CHANGED;
        }
    }

    private final LocalDate effectiveFrom;
    private final List<Change> changes;

    private PriceImportPlan(LocalDate effectiveFrom, List<Change> changes) {
        this.effectiveFrom = effectiveFrom;
        this.changes = List.copyOf(changes);
    }

    /**
     * Compares the imported prices with the catalogue as it would price each model on {@code effectiveFrom}.
     * A model that already has a literal entry of its own effective on or after that date (same provider) is
     * refused: a second entry there would either clash or rewrite what that entry decided.
     */
    public static PriceImportPlan of(PriceCatalogue catalogue, List<ImportedPrice> imported, LocalDate effectiveFrom) {
        Objects.requireNonNull(effectiveFrom, "effective date");
        java.time.Instant from = effectiveFrom.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        List<Change> changes = new ArrayList<>(imported.size());
        for (ImportedPrice p : imported) {
            PriceEntry current = catalogue.match(p.model(), p.provider(), from).orElse(null);
            PriceEntry later = catalogue.entries().stream()
                    .filter(e -> e.modelPattern().equals(p.pattern()) && e.provider().equalsIgnoreCase(p.provider()))
                    .filter(e -> !e.effectiveFrom().isBefore(effectiveFrom))
                    .findFirst().orElse(null);
            if (current == null && later == null) {
                changes.add(new Change(Kind.NEW, p, null, null));
            } else if (current != null && samePrices(current, p)) {
                changes.add(new Change(Kind.UNCHANGED, p, current, null));
            } else if (later != null) {
                changes.add(new Change(Kind.REFUSED, p, current, "already has its own entry effective " + later.effectiveFrom()
                        + "; import with a later effective date"));
            } else {
                changes.add(new Change(Kind.CHANGED, p, current, null));
            }
        }
        return new PriceImportPlan(effectiveFrom, changes);
    }

    /** The plan with refusals found while reading the file added (models that could not be read). */
    public PriceImportPlan withRefused(List<Change> refused) {
        List<Change> all = new ArrayList<>(changes);
        all.addAll(refused);
        return new PriceImportPlan(effectiveFrom, all);
    }

    /** The catalogue entries the import writes, each literal and effective from the plan's date. */
    public List<PriceEntry> entriesToWrite(String source) {
        return changes.stream().filter(Change::written)
                .map(c -> new PriceEntry(null, c.imported().pattern(), c.imported().provider(), effectiveFrom,
                        c.imported().rates(), c.imported().tiers(), source))
                .toList();
    }

    public long count(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    public List<Change> changes() {
        return changes;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    /** Same cost for every kind of token at every tier (an absent optional price counts as its fallback). */
    static boolean samePrices(PriceEntry current, ImportedPrice p) {
        if (!sameRates(current.base(), p.rates()) || current.tiers().size() != p.tiers().size()) {
            return false;
        }
        for (int i = 0; i < p.tiers().size(); i++) {
            PriceTier a = current.tiers().get(i);
            PriceTier b = p.tiers().get(i);
            if (a.aboveInputTokens() != b.aboveInputTokens() || !sameRates(a.rates(), b.rates())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameRates(Rates a, Rates b) {
        return a.input().compareTo(b.input()) == 0 && a.output().compareTo(b.output()) == 0
                && a.effectiveCachedInput().compareTo(b.effectiveCachedInput()) == 0
                && a.effectiveReasoning().compareTo(b.effectiveReasoning()) == 0
                && a.effectiveCacheCreation().compareTo(b.effectiveCacheCreation()) == 0;
    }
}
