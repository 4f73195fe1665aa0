package dev.agenttraces.traces.web.admin;

import dev.agenttraces.traces.access.application.ViewerAccess;
import dev.agenttraces.traces.pricing.application.PriceFileRefused;
import dev.agenttraces.traces.pricing.application.PriceImport;
import dev.agenttraces.traces.pricing.domain.DuplicatePriceEntry;
import dev.agenttraces.traces.pricing.domain.PriceEntry;
import dev.agenttraces.traces.pricing.domain.PriceImportPlan;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The admin screen that imports the price catalogue from a LiteLLM {@code model_prices_and_context_window.json}
 * upload (admin/price-import.xhtml): upload → preview (new, changed, unchanged and refused models) → import.
 * The plan previewed is the plan written, with the effective date chosen before the preview. Every action
 * re-checks the admin role through {@link ViewerAccess}; a bad file is a message on the page.
 */
@Named
@ViewScoped
public class PriceImportPage implements Serializable {

    @Inject
    PriceImport imports;

    @Inject
    ViewerAccess access;

    /** The upload of this request only: a servlet part cannot outlive it. */
    private transient Part file;
    private LocalDate effectiveFrom = LocalDate.now(ZoneOffset.UTC);
    private String fileName;
    private PriceImportPlan plan;
    private PriceImportPlan.Kind shown;
    private int imported = -1;

    public void preview() {
        plan = null;
        imported = -1;
        if (!checkAdmin()) {
            return;
        }
        if (file == null || file.getSize() == 0) {
            error("Choose a LiteLLM price file (JSON) first.");
            return;
        }
        if (file.getSize() > imports.maxBytes()) {
            error("The file is larger than " + imports.maxBytes() / (1024 * 1024) + " MiB.");
            return;
        }
        if (effectiveFrom == null) {
            error("Choose the date the imported prices take effect.");
            return;
        }
        fileName = file.getSubmittedFileName() == null ? "upload" : file.getSubmittedFileName();
        try (InputStream in = file.getInputStream()) {
            plan = imports.preview(in, effectiveFrom);
            shown = null;
            if (plan.changes().isEmpty()) {
                error("The file holds no model priced per token.");
                plan = null;
            }
        } catch (PriceFileRefused e) {
            error(e.getMessage());
        } catch (IOException e) {
            error("The upload could not be read; try again.");
        }
    }

    public void apply() {
        if (!checkAdmin() || plan == null) {
            return;
        }
        String source = "LiteLLM price file " + abbreviate(fileName) + ", imported " + LocalDate.now(ZoneOffset.UTC)
                + " by " + access.username();
        try {
            List<PriceEntry> written = imports.apply(plan, source);
            imports.reload();
            imported = written.size();
            info("Imported " + imported + " entries effective " + plan.effectiveFrom()
                    + ". Steps before that date keep their prices; recompute from the prices page to re-price older traces.");
            plan = null;
        } catch (DuplicatePriceEntry e) {
            error(e.getMessage() + " The catalogue changed since the preview: preview the file again.");
            plan = null;
        }
    }

    public void cancel() {
        plan = null;
    }

    /** The rows of the preview, all or one kind. */
    public List<PriceImportPlan.Change> getRows() {
        if (plan == null) {
            return List.of();
        }
        return shown == null ? plan.changes() : plan.changes().stream().filter(c -> c.kind() == shown).toList();
    }

    public long count(String kind) {
        return plan == null ? 0 : plan.count(PriceImportPlan.Kind.valueOf(kind));
    }

    private static String abbreviate(String s) {
        String name = s.replaceAll("[\\p{Cntrl}]", "?");
        return name.length() <= 200 ? name : name.substring(0, 200) + "…";
    }

    private boolean checkAdmin() {
        return AdminPages.checkAdmin(access, "import prices");
    }

    private static void error(String text) {
        AdminPages.message(FacesMessage.SEVERITY_ERROR, text);
    }

    private static void info(String text) {
        AdminPages.message(FacesMessage.SEVERITY_INFO, text);
    }

    public long maxMiB() {
        return imports.maxBytes() / (1024 * 1024);
    }

    public boolean isAdmin() {
        return access.isAdmin();
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDate effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public PriceImportPlan getPlan() {
        return plan;
    }

    public String getFileName() {
        return fileName;
    }

    public PriceImportPlan.Kind getShown() {
        return shown;
    }

    public void setShown(PriceImportPlan.Kind shown) {
        this.shown = shown;
    }

    public PriceImportPlan.Kind[] getKinds() {
        return PriceImportPlan.Kind.values();
    }

    public int getImported() {
        return imported;
    }
}
