package dev.agenttraces.traces.pricing.domain;

import dev.agenttraces.traces.trace.domain.TokenCounts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PriceCatalogueTest {

    private static final Instant JULY_2025 = Instant.parse("2025-07-01T12:00:00Z");
    private static long ids = 1;

    private static Rates rates(String in, String out, String cached, String reasoning) {
        return new Rates(new BigDecimal(in), new BigDecimal(out), cached == null ? null : new BigDecimal(cached),
                reasoning == null ? null : new BigDecimal(reasoning));
    }

    private static PriceEntry entry(String pattern, String provider, String from, Rates base, PriceTier... tiers) {
        return new PriceEntry(ids++, pattern, provider, LocalDate.parse(from), base, List.of(tiers), "test");
    }

    @Test
    void costsEachKindOfTokenOnceAtItsOwnPrice() {
        var catalogue = new PriceCatalogue(List.of(entry("gpt-4o", "openai", "2024-01-01", rates("2.50", "10.00", "1.25", "12.00"))));
        BigDecimal cost = catalogue.price("gpt-4o", "openai", JULY_2025, new TokenCounts(1000, 200, 4000, 50));
        // 1000*2.50 + 4000*1.25 + 200*10 + 50*12 = 2500 + 5000 + 2000 + 600 = 10100 / 1e6
        assertThat(cost).isEqualByComparingTo("0.0101");
    }

    @Test
    void isExactWithoutRoundingAtFullScale() {
        var catalogue = new PriceCatalogue(List.of(entry("m", "p", "2024-01-01", rates("0.000001", "0.075", null, null))));
        BigDecimal cost = catalogue.price("m", null, JULY_2025, new TokenCounts(1, 1, 0, 0));
        assertThat(cost).isEqualTo(new BigDecimal("0.000000075001"));
        assertThat(cost.scale()).isEqualTo(12);
    }

    @Test
    void cachedTokensCostTheInputPriceWhenNoCachedPriceIsListed() {
        var catalogue = new PriceCatalogue(List.of(entry("m", "p", "2024-01-01", rates("3", "15", null, null))));
        assertThat(catalogue.price("m", "p", JULY_2025, new TokenCounts(0, 0, 1_000_000, 0))).isEqualByComparingTo("3");
    }

    @Test
    void cacheWritesCostTheirOwnPriceElseTheInputPrice() {
        Rates anthropic = new Rates(new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.30"), null,
                new BigDecimal("3.75"));
        var catalogue = new PriceCatalogue(List.of(entry("claude", "anthropic", "2024-01-01", anthropic),
                entry("plain", "p", "2024-01-01", rates("3", "15", null, null))));
        // 2000*3 + 8000*0.30 + 2000*3.75 + 500*15 + 200*15 = 26400 / 1e6
        assertThat(catalogue.price("claude", "anthropic", JULY_2025, new TokenCounts(2_000, 500, 8_000, 200, 2_000)))
                .isEqualByComparingTo("0.0264");
        assertThat(catalogue.price("plain", "p", JULY_2025, new TokenCounts(0, 0, 0, 0, 1_000_000)))
                .isEqualByComparingTo("3");
    }

    @Test
    void reasoningTokensCostTheOutputPriceWhenNoReasoningPriceIsListed() {
        var catalogue = new PriceCatalogue(List.of(entry("m", "p", "2024-01-01", rates("3", "15", null, null))));
        assertThat(catalogue.price("m", "p", JULY_2025, new TokenCounts(0, 1_000_000, 0, 1_000_000))).isEqualByComparingTo("30");
    }

    @Test
    void aStepAboveTheTierThresholdIsPricedWhollyAtTheTierCountingCachedInput() {
        var tier = new PriceTier(200_000, rates("2.50", "15.00", "0.625", null));
        var catalogue = new PriceCatalogue(List.of(entry("gemini-2\\.5-pro", "google", "2025-01-01", rates("1.25", "10.00", "0.31", null), tier)));
        TokenCounts atThreshold = new TokenCounts(150_000, 1_000, 50_000, 0);
        TokenCounts above = new TokenCounts(150_000, 1_000, 50_001, 0);
        // 150000*1.25 + 50000*0.31 + 1000*10 = 187500 + 15500 + 10000 = 213000
        assertThat(catalogue.price("gemini-2.5-pro", "google", JULY_2025, atThreshold)).isEqualByComparingTo("0.213");
        // 150000*2.5 + 50001*0.625 + 1000*15 = 375000 + 31250.625 + 15000 = 421250.625
        assertThat(catalogue.price("gemini-2.5-pro", "google", JULY_2025, above)).isEqualByComparingTo("0.421250625");
    }

    @Test
    void theHighestTierExceededApplies() {
        var catalogue = new PriceCatalogue(List.of(entry("m", "p", "2024-01-01", rates("1", "1", null, null),
                new PriceTier(1_000_000, rates("3", "3", null, null)), new PriceTier(100, rates("2", "2", null, null)))));
        assertThat(catalogue.price("m", "p", JULY_2025, new TokenCounts(1_000_001, 0, 0, 0))).isEqualByComparingTo("3.000003");
        assertThat(catalogue.price("m", "p", JULY_2025, new TokenCounts(101, 0, 0, 0))).isEqualByComparingTo("0.000202");
    }

    @Test
    void thePriceInForceAtTheStepsTimeApplies() {
        var launch = entry("o3", "openai", "2025-04-16", rates("10", "40", null, null));
        var cut = entry("o3", "openai", "2025-06-10", rates("2", "8", null, null));
        var catalogue = new PriceCatalogue(List.of(cut, launch));
        TokenCounts million = new TokenCounts(1_000_000, 0, 0, 0);
        assertThat(catalogue.price("o3", "openai", Instant.parse("2025-06-09T23:59:59Z"), million)).isEqualByComparingTo("10");
        assertThat(catalogue.price("o3", "openai", Instant.parse("2025-06-10T00:00:00Z"), million)).isEqualByComparingTo("2");
        assertThat(catalogue.price("o3", "openai", Instant.parse("2025-04-15T00:00:00Z"), million)).isNull();
    }

    @Test
    void anUnknownModelIsUnpricedNeverZero() {
        var catalogue = new PriceCatalogue(List.of(entry("gpt-4o", "openai", "2024-01-01", rates("2.5", "10", null, null))));
        assertThat(catalogue.price("llama-3-70b", null, JULY_2025, new TokenCounts(10, 10, 0, 0))).isNull();
        assertThat(catalogue.price(null, null, JULY_2025, new TokenCounts(10, 10, 0, 0))).isNull();
        assertThat(catalogue.price("gpt-4o-mini", null, JULY_2025, new TokenCounts(10, 10, 0, 0)))
                .as("the pattern must match the whole name").isNull();
    }

    @Test
    void aStepWithoutTokensCostsZeroEvenWithoutAPrice() {
        var catalogue = new PriceCatalogue(List.of());
        assertThat(catalogue.price(null, null, JULY_2025, new TokenCounts(0, 0, 0, 0))).isEqualByComparingTo("0");
    }

    @Test
    void theProviderOfTheStepMustMatchWhenGiven() {
        var catalogue = new PriceCatalogue(List.of(entry("gpt-4o", "openai", "2024-01-01", rates("2.5", "10", null, null))));
        TokenCounts million = new TokenCounts(1_000_000, 0, 0, 0);
        assertThat(catalogue.price("gpt-4o", "azure", JULY_2025, million)).isNull();
        assertThat(catalogue.price("GPT-4o", "OpenAI", JULY_2025, million)).isEqualByComparingTo("2.5");
        assertThat(catalogue.price("gpt-4o", " ", JULY_2025, million)).isEqualByComparingTo("2.5");
    }

    @Test
    void aLiteralBeatsALongerRegexThenTheLongerPatternWinsThenTheLaterDate() {
        var regex = entry("gpt-4o(-\\d{4}-\\d{2}-\\d{2})?", "openai", "2024-05-13", rates("2.5", "10", null, null));
        var literal = entry("gpt-4o-2024-05-13", "openai", "2024-05-13", rates("5", "15", null, null));
        var broad = entry("gpt-.*", "openai", "2024-01-01", rates("1", "1", null, null));
        var broadLater = entry("gpt.*", "openai", "2025-01-01", rates("9", "9", null, null));
        var catalogue = new PriceCatalogue(List.of(broadLater, broad, regex, literal));
        TokenCounts million = new TokenCounts(1_000_000, 0, 0, 0);
        assertThat(catalogue.price("gpt-4o-2024-05-13", "openai", JULY_2025, million)).isEqualByComparingTo("5");
        assertThat(catalogue.price("gpt-4o-2024-08-06", "openai", JULY_2025, million)).isEqualByComparingTo("2.5");
        assertThat(catalogue.price("gpt-3.5-turbo", "openai", JULY_2025, million)).as("longer pattern").isEqualByComparingTo("1");
        assertThat(catalogue.entries()).startsWith(literal, regex);
    }

    @Test
    void equallySpecificEntriesResolveByDateThenId() {
        var first = entry("m.*", "p", "2024-01-01", rates("1", "1", null, null));
        var second = entry("m.*", "q", "2024-01-01", rates("2", "2", null, null));
        var later = entry("m.*", "q", "2024-03-01", rates("3", "3", null, null));
        TokenCounts million = new TokenCounts(1_000_000, 0, 0, 0);
        assertThat(new PriceCatalogue(List.of(second, first)).price("mx", null, JULY_2025, million)).isEqualByComparingTo("1");
        assertThat(new PriceCatalogue(List.of(second, first, later)).price("mx", null, JULY_2025, million)).isEqualByComparingTo("3");
    }

    @Test
    void recognisesLiteralPatterns() {
        assertThat(ModelPatterns.isLiteral("gpt-4o-mini")).isTrue();
        assertThat(ModelPatterns.isLiteral("gpt-4\\.1")).isTrue();
        assertThat(ModelPatterns.isLiteral("gpt-4.1")).isFalse();
        assertThat(ModelPatterns.isLiteral("o3(-\\d+)?")).isFalse();
        assertThat(ModelPatterns.isLiteral("o\\d")).isFalse();
    }
}
