package dev.agenttraces.traces.pricing.application;

import dev.agenttraces.traces.pricing.domain.PriceEntry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceDraftTest {

    private static PriceDraft valid() {
        PriceDraft d = new PriceDraft();
        d.setModelPattern("gemini-2\\.5-pro");
        d.setProvider("google");
        d.setEffectiveFrom(LocalDate.of(2025, 3, 25));
        d.setSource("https://ai.google.dev/gemini-api/docs/pricing 2026-11-24");
        d.getBase().setInput(new BigDecimal("1.25"));
        d.getBase().setOutput(new BigDecimal("10"));
        return d;
    }

    @Test
    void aCompleteDraftBuildsTheEntryWithItsTiers() {
        PriceDraft d = valid();
        d.addTier();
        d.getTiers().get(0).setAboveInputTokens(200_000L);
        d.getTiers().get(0).getPrices().setInput(new BigDecimal("2.5"));
        d.getTiers().get(0).getPrices().setOutput(new BigDecimal("15"));
        assertThat(d.problems()).isEmpty();
        PriceEntry e = d.toEntry();
        assertThat(e.tiers()).hasSize(1);
        assertThat(PriceDraft.of(e).toEntry()).isEqualTo(e);
    }

    @Test
    void reportsEveryMissingField() {
        assertThat(new PriceDraft().problems()).containsExactly("Model pattern is required.", "Provider is required.",
                "Effective-from date is required.", "Source (URL and date the prices were read) is required.",
                "Input price is required.", "Output price is required.");
    }

    @Test
    void rejectsABadRegexNegativeOrOverPrecisePricesAndBadTiers() {
        PriceDraft d = valid();
        d.setModelPattern("gpt-(4o");
        d.getBase().setCachedInput(new BigDecimal("-0.1"));
        d.getBase().setReasoning(new BigDecimal("0.0000001"));
        d.addTier();
        d.getTiers().get(0).setAboveInputTokens(0L);
        assertThat(d.problems()).hasSize(6)
                .anyMatch(p -> p.startsWith("Model pattern is not a valid regular expression"))
                .contains("Cached-input price cannot be negative.", "Reasoning price has more than 6 decimals.",
                        "Tier above 0 tokens: the input-token threshold must be a positive number.",
                        "Tier above 0 tokens: Input price is required.");
        assertThatThrownBy(d::toEntry).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theScopeOfAnEditCoversOldAndNewPatternsFromTheEarlierDate() {
        PriceEntry before = valid().toEntry();
        PriceDraft d = valid();
        d.setModelPattern("gemini-2\\.5-pro.*");
        d.setEffectiveFrom(LocalDate.of(2025, 6, 1));
        RecomputeScope scope = RecomputeScope.ofChange(before, d.toEntry());
        assertThat(scope.patterns()).isEqualTo(Set.of("gemini-2\\.5-pro", "gemini-2\\.5-pro.*"));
        assertThat(scope.from()).isEqualTo(LocalDate.of(2025, 3, 25));
        assertThat(scope.modelMatcher()).accepts("Gemini-2.5-pro-preview", "gemini-2.5-pro").rejects("gemini-2.5-flash", null);
    }

    /** Issue 9: a crafted POST ignores the form's maxlength; the insert used to fail with a 500. */
    @Test
    void textTheColumnsCannotHoldIsAProblemNotAFailedInsert() {
        PriceDraft d = valid();
        d.setProvider("x".repeat(101));
        d.setSource("read \u0000 today");
        assertThat(d.problems()).anySatisfy(p -> assertThat(p).startsWith("Provider is longer than 100"))
                .anySatisfy(p -> assertThat(p).startsWith("Source contains a NUL"));
    }
}
