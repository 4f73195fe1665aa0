package dev.agenttraces.traces.web.admin;

import dev.agenttraces.traces.pricing.domain.DuplicatePriceEntry;

import dev.agenttraces.traces.access.application.ViewerAccess;

import dev.agenttraces.traces.pricing.application.CataloguePricer;
import dev.agenttraces.traces.pricing.application.PriceDraft;
import dev.agenttraces.traces.pricing.application.RecomputeAlreadyRunning;
import dev.agenttraces.traces.pricing.application.RecomputeJob;
import dev.agenttraces.traces.pricing.application.RecomputeScope;
import dev.agenttraces.traces.pricing.application.RecomputeService;
import dev.agenttraces.traces.pricing.domain.PriceEntry;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

import static dev.agenttraces.traces.web.admin.AdminPages.message;


/**
 * The admin screen of the price catalogue (admin/prices.xhtml): list, add, edit and delete entries, and
 * after each change offer to recompute the traces it affects, with the running job's progress (read back
 * from the database, so a reload or another admin sees it too). Every action re-checks that the viewer
 * is an admin through {@link ViewerAccess}, which reads the role from the shared tables.
 */
@Named
@ViewScoped
public class PricesPage implements Serializable {

    private static final Comparator<PriceEntry> DISPLAY_ORDER = Comparator.comparing((PriceEntry e) -> e.provider().toLowerCase())
            .thenComparing(PriceEntry::modelPattern).thenComparing(PriceEntry::effectiveFrom);

    @Inject
    CataloguePricer pricer;

    @Inject
    RecomputeService recompute;

    @Inject
    ViewerAccess access;

    private List<PriceEntry> entries = List.of();
    private PriceDraft draft;
    private PriceEntry editing;
    private RecomputeScope offered;
    private RecomputeJob job;

    @PostConstruct
    void init() {
        if (access.isAdmin()) {
            entries = pricer.entries().stream().sorted(DISPLAY_ORDER).toList();
            job = recompute.latest().orElse(null);
        }
    }


    public void newEntry() {
        draft = new PriceDraft();
        editing = null;
    }

    public void edit(PriceEntry entry) {
        draft = PriceDraft.of(entry);
        editing = entry;
    }

    public void addTier() {
        if (draft != null) {
            draft.addTier();
        }
    }

    public void removeTier(PriceDraft.TierDraft tier) {
        if (draft != null) {
            draft.removeTier(tier);
        }
    }

    public void save() {
        if (!checkAdmin() || draft == null) {
            return;
        }
        List<String> problems = draft.problems();
        if (!problems.isEmpty()) {
            problems.forEach(p -> message(FacesMessage.SEVERITY_ERROR, p));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        PriceEntry entry = draft.toEntry();
        try {
            long id = pricer.save(entry);
            PriceEntry saved = new PriceEntry(id, entry.modelPattern(), entry.provider(), entry.effectiveFrom(),
                    entry.base(), entry.tiers(), entry.source());
            changed(RecomputeScope.ofChange(editing, saved), "Saved " + saved.modelPattern() + ".");
            PrimeFaces.current().executeScript("PF('priceDialog').hide()");
        } catch (DuplicatePriceEntry e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void delete(PriceEntry entry) {
        if (checkAdmin()) {
            pricer.delete(entry.id());
            changed(RecomputeScope.ofChange(entry, null), "Deleted " + entry.modelPattern() + ".");
        }
    }

    private void changed(RecomputeScope scope, String what) {
        entries = pricer.entries().stream().sorted(DISPLAY_ORDER).toList();
        offered = scope;
        draft = null;
        message(FacesMessage.SEVERITY_INFO, what + " New steps are priced with it from now on.");
    }

    public void recomputeOffered() {
        startRecompute(offered);
    }

    public void recomputeAll() {
        startRecompute(RecomputeScope.all());
    }

    private void startRecompute(RecomputeScope scope) {
        if (!checkAdmin() || scope == null) {
            return;
        }
        try {
            job = recompute.find(recompute.start(scope)).orElse(null);
            offered = null;
        } catch (RecomputeAlreadyRunning e) {
            message(FacesMessage.SEVERITY_WARN, e.getMessage());
            job = recompute.latest().orElse(null);
        }
    }

    /** Polled while a job runs. */
    public void refreshJob() {
        if (job != null) {
            job = recompute.find(job.id()).orElse(null);
        }
    }

    private boolean checkAdmin() {
        return AdminPages.checkAdmin(access, "edit prices");
    }

    public boolean isAdmin() {
        return access.isAdmin();
    }

    public List<PriceEntry> getEntries() {
        return entries;
    }

    public PriceDraft getDraft() {
        return draft;
    }

    public boolean isEditingExisting() {
        return editing != null;
    }

    public RecomputeScope getOffered() {
        return offered;
    }

    public RecomputeJob getJob() {
        return job;
    }

    public boolean isJobRunning() {
        return job != null && job.running();
    }
}
