package dev.agenttraces.traces.pricing.application;

import dev.agenttraces.traces.pricing.domain.PriceCatalogueRepository;

import dev.agenttraces.traces.trace.domain.TokenCounts;

import dev.agenttraces.traces.pricing.domain.PriceCatalogue;
import dev.agenttraces.traces.pricing.domain.PriceEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@link StepPricer} of the application: it is called for every ingested step, so it prices from an
 * in-memory {@link PriceCatalogue} (patterns precompiled, entries in specificity order; the matching rule
 * is documented there) that is read from the database on first use and swapped whole by
 * {@link #reload()} after every admin edit. Readers never lock: the snapshot is immutable.
 */
@ApplicationScoped
public class CataloguePricer implements StepPricer {

    @Inject
    PriceCatalogueRepository store;

    private volatile PriceCatalogue catalogue;

    @Override
    public BigDecimal price(String model, String provider, Instant at, TokenCounts tokens) {
        return catalogue().price(model, provider, at, tokens);
    }

    /** The entry that would price this model, for explaining a cost. */
    public Optional<PriceEntry> match(String model, String provider, Instant at) {
        return catalogue().match(model, provider, at);
    }

    /** The entries, most specific first. */
    public List<PriceEntry> entries() {
        return catalogue().entries();
    }

    /**
     * Stores an entry (a new one, or an edit of the entry with its id) and reloads, so the next step is priced
     * with it; returns its id.
     *
     * @throws dev.agenttraces.traces.pricing.domain.DuplicatePriceEntry when another entry has the same model
     *     pattern, provider and effective date (nothing is stored)
     */
    public long save(PriceEntry entry) {
        long id = store.save(entry);
        reload();
        return id;
    }

    /** Deletes an entry and reloads. */
    public void delete(long id) {
        store.delete(id);
        reload();
    }

    /** Re-reads the catalogue; the next step is priced with the new one. */
    public void reload() {
        catalogue = new PriceCatalogue(store.loadAll());
    }

    private PriceCatalogue catalogue() {
        PriceCatalogue current = catalogue;
        if (current == null) {
            synchronized (this) {
                if (catalogue == null) {
                    reload();
                }
                current = catalogue;
            }
        }
        return current;
    }
}
