package dev.agenttraces.traces.pricing.domain;

import java.util.List;

/**
 * Where the price catalogue is kept: every entry with its tiers and effective dates.
 */
public interface PriceCatalogueRepository {

    List<PriceEntry> loadAll();

    long save(PriceEntry e);

    void delete(long id);
}
