package dev.agenttraces.traces.pricing.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PriceImportPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Rates rates(String in, String out) {
        return new Rates(new BigDecimal(in), new BigDecimal(out), null, null);
    }

    private static final PriceCatalogue CATALOGUE = new PriceCatalogue(List.of(
            new PriceEntry(1L, "gpt-4o(-\\d{4}-\\d{2}-\\d{2})?", "openai", LocalDate.of(2024, 5, 13), rates("2.5", "10"), null, "seed"),
            new PriceEntry(2L, "o3", "openai", LocalDate.of(2025, 6, 10), rates("2", "8"), null, "seed"),
            new PriceEntry(3L, "gpt-4\\.1", "openai", LocalDate.of(2026, 12, 5), rates("2", "8"), null, "later")));

    @Test
    void sortsModelsIntoNewChangedUnchangedAndRefused() {
        PriceImportPlan plan = PriceImportPlan.of(CATALOGUE, List.of(
                new ImportedPrice("gpt-4o", "openai", new Rates(new BigDecimal("2.50"), BigDecimal.TEN, new BigDecimal("2.5"), null), null),
                new ImportedPrice("o3", "openai", rates("1", "4"), null),
                new ImportedPrice("brand-new", "openai", rates("1", "1"), null),
                new ImportedPrice("gpt-4.1", "openai", rates("3", "9"), null)), TODAY);

        assertThat(plan.changes()).extracting(PriceImportPlan.Change::kind).containsExactly(
                PriceImportPlan.Kind.UNCHANGED, PriceImportPlan.Kind.CHANGED, PriceImportPlan.Kind.NEW, PriceImportPlan.Kind.REFUSED);
        assertThat(plan.changes().get(0).current().id()).as("matched through the seed's regex").isEqualTo(1L);
        assertThat(plan.changes().get(3).problem()).contains("effective 2026-12-05");

        List<PriceEntry> written = plan.entriesToWrite("LiteLLM test");
        assertThat(written).extracting(PriceEntry::modelPattern).containsExactly("o3", "brand-new");
        assertThat(written).allSatisfy(e -> {
            assertThat(e.effectiveFrom()).isEqualTo(TODAY);
            assertThat(e.isLiteral()).isTrue();
            assertThat(e.id()).isNull();
        });
    }

    @Test
    void aReimportAfterTheImportChangesNothing() {
        ImportedPrice o3 = new ImportedPrice("o3", "openai", rates("1", "4"), null);
        PriceImportPlan first = PriceImportPlan.of(CATALOGUE, List.of(o3), TODAY);
        List<PriceEntry> after = new java.util.ArrayList<>(CATALOGUE.entries());
        after.add(new PriceEntry(9L, "o3", "openai", TODAY, rates("1", "4"), null, "import"));
        PriceImportPlan again = PriceImportPlan.of(new PriceCatalogue(after), List.of(o3), TODAY);
        assertThat(first.count(PriceImportPlan.Kind.CHANGED)).isEqualTo(1);
        assertThat(again.count(PriceImportPlan.Kind.UNCHANGED)).isEqualTo(1);
        assertThat(again.entriesToWrite("x")).isEmpty();
        assertThat(ModelPatterns.literal("a.b(c)")).isEqualTo("a\\.b\\(c\\)");
    }
}
