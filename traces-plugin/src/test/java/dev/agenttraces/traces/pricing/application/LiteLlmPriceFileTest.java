package dev.agenttraces.traces.pricing.application;

import dev.agenttraces.traces.pricing.domain.ImportedPrice;
import dev.agenttraces.traces.pricing.domain.PriceImportPlan;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiteLlmPriceFileTest {

    private static LiteLlmPriceFile.Contents read(String json) {
        return LiteLlmPriceFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    }

    private static ImportedPrice model(LiteLlmPriceFile.Contents c, String model) {
        return c.prices().stream().filter(p -> p.model().equals(model)).findFirst().orElseThrow();
    }

    @Test
    void readsTheRepositorysSampleFileInTheCataloguesUnits() throws IOException {
        LiteLlmPriceFile.Contents c;
        try (InputStream in = Files.newInputStream(Path.of("../docs/samples/litellm-prices-sample.json"))) {
            c = LiteLlmPriceFile.read(in, 1 << 20);
        }
        assertThat(c.prices()).extracting(ImportedPrice::model).containsExactly("gpt-4o", "gpt-4o-mini",
                "claude-sonnet-4-5", "claude-haiku-4-5", "gemini-2.5-flash", "gemma-3-27b-it", "mistral-large-latest");
        ImportedPrice sonnet = model(c, "claude-sonnet-4-5");
        assertThat(sonnet.provider()).isEqualTo("anthropic");
        assertThat(sonnet.rates().input()).isEqualByComparingTo("3");
        assertThat(sonnet.rates().output()).isEqualByComparingTo("15");
        assertThat(sonnet.rates().cachedInput()).isEqualByComparingTo("0.3");
        assertThat(sonnet.rates().cacheCreation()).isEqualByComparingTo("3.75");
        assertThat(sonnet.rates().reasoning()).isNull();
        assertThat(sonnet.tiers()).singleElement().satisfies(t -> {
            assertThat(t.aboveInputTokens()).isEqualTo(200_000);
            assertThat(t.rates().input()).isEqualByComparingTo("6");
            assertThat(t.rates().cacheCreation()).isEqualByComparingTo("7.5");
        });
        assertThat(model(c, "gpt-4o-mini").rates().cachedInput()).isEqualByComparingTo("0.075");
        assertThat(model(c, "gemma-3-27b-it").provider()).as("gemini/ prefix dropped, Google's name").isEqualTo("google");
        assertThat(model(c, "gemini-2.5-flash").provider()).isEqualTo("google");
        assertThat(c.refused()).singleElement().satisfies(r -> {
            assertThat(r.imported().model()).isEqualTo("broken-sample-model");
            assertThat(r.problem()).isEqualTo("input_cost_per_token is not a number (about two dollars)");
        });
        assertThat(c.skipped()).as("sample_spec and the embedding model").isEqualTo(2);
        assertThat(model(c, "gemini-2.5-flash").pattern()).isEqualTo("gemini-2\\.5-flash");
    }

    @Test
    void refusesModelsWithBadPricesAndKeepsTheOthers() {
        LiteLlmPriceFile.Contents c = read("""
                {"neg": {"input_cost_per_token": -1e-6, "output_cost_per_token": 1e-6, "litellm_provider": "x"},
                 "huge": {"input_cost_per_token": 1e10, "output_cost_per_token": 1e-6, "litellm_provider": "x"},
                 "fine": {"input_cost_per_token": 1.23456789e-13, "output_cost_per_token": 1e-6, "litellm_provider": "x"},
                 "bool": {"input_cost_per_token": true, "output_cost_per_token": 1e-6, "litellm_provider": "x"},
                 "half": {"input_cost_per_token": 1e-6, "litellm_provider": "x", "mode": "chat"},
                 "noprov": {"input_cost_per_token": 1e-6, "output_cost_per_token": 1e-6},
                 "ok": {"input_cost_per_token": 1e-6, "output_cost_per_token": 2e-6, "litellm_provider": "X", "mode": "completion"}}
                """);
        assertThat(c.prices()).singleElement().satisfies(p -> {
            assertThat(p.model()).isEqualTo("ok");
            assertThat(p.provider()).isEqualTo("x");
            assertThat(p.rates().output()).isEqualByComparingTo(BigDecimal.valueOf(2));
        });
        assertThat(c.refused()).extracting(PriceImportPlan.Change::problem).containsExactly(
                "input_cost_per_token cannot be negative", "input_cost_per_token is too large",
                "input_cost_per_token has more than 12 decimal places (the catalogue keeps USD per 1M tokens to 6 places)",
                "input_cost_per_token is not a number (true)",
                "needs both input_cost_per_token and output_cost_per_token",
                "litellm_provider must be a name of 1–100 characters");
    }

    @Test
    void refusesFilesThatAreNotAPriceListWithAMessage() {
        assertThatThrownBy(() -> read("not json")).isInstanceOf(PriceFileRefused.class).hasMessageStartingWith("The file is not valid JSON");
        assertThatThrownBy(() -> read("[1, 2]")).isInstanceOf(PriceFileRefused.class).hasMessageContaining("one JSON object of models");
        assertThatThrownBy(() -> read("{\"a\": {\"x\": 1}")).isInstanceOf(PriceFileRefused.class).hasMessageStartingWith("The file is not valid JSON");
        assertThatThrownBy(() -> read("{} {}")).isInstanceOf(PriceFileRefused.class);
        String deep = "{\"m\": {\"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}}";
        assertThatThrownBy(() -> read(deep)).isInstanceOf(PriceFileRefused.class).hasMessageContaining("nested deeper than 8");
        String big = "{\"m\": {\"pad\": \"" + "x".repeat(2 << 20) + "\"}}";
        assertThatThrownBy(() -> read(big)).isInstanceOf(PriceFileRefused.class).hasMessage("The file is larger than 1 MiB.");
        assertThatThrownBy(() -> LiteLlmPriceFile.read(new ByteArrayInputStream(new byte[] {'{', '"', (byte) 0xff, '"'}), 100))
                .isInstanceOf(PriceFileRefused.class);
    }
}
