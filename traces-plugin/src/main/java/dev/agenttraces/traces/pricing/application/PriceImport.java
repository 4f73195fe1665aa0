package dev.agenttraces.traces.pricing.application;

import dev.agenttraces.traces.pricing.domain.PriceCatalogue;
import dev.agenttraces.traces.pricing.domain.PriceCatalogueRepository;
import dev.agenttraces.traces.pricing.domain.PriceEntry;
import dev.agenttraces.traces.pricing.domain.PriceImportPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * Importing a LiteLLM price file into the catalogue: {@link #preview} reads the file and compares it with the
 * catalogue as it stands; {@link #apply} writes the plan's new and changed models in one transaction (all or
 * nothing) and swaps the pricer's catalogue. The caller checks that the viewer is an admin.
 */
@ApplicationScoped
public class PriceImport {

    @Inject
    PriceCatalogueRepository store;

    @Inject
    CataloguePricer pricer;

    /** The largest price file accepted (LiteLLM's own list is about 1–2 MiB). */
    @Inject
    @ConfigProperty(name = "agent.traces.pricing.import-max-bytes", defaultValue = "8388608")
    long maxBytes;

    /** The file's models against the current catalogue, from the given effective date. */
    public PriceImportPlan preview(InputStream file, LocalDate effectiveFrom) {
        LiteLlmPriceFile.Contents contents = LiteLlmPriceFile.read(file, maxBytes);
        PriceCatalogue catalogue = new PriceCatalogue(store.loadAll());
        return PriceImportPlan.of(catalogue, contents.prices(), effectiveFrom).withRefused(contents.refused());
    }

    /**
     * Writes the plan's new and changed models; returns the entries written. A plan made against an older
     * catalogue fails as a whole (a duplicate entry) rather than writing part of itself.
     */
    @Transactional
    public List<PriceEntry> apply(PriceImportPlan plan, String source) {
        List<PriceEntry> entries = plan.entriesToWrite(source);
        entries.forEach(store::save);
        return entries;
    }

    /** Called after {@link #apply} committed, so the next step is priced with the imported entries. */
    public void reload() {
        pricer.reload();
    }

    public long maxBytes() {
        return maxBytes;
    }
}
