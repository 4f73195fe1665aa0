package dev.agenttraces.it.pricing;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.BrowserSuite;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LiteLLM price import in Chromium on host + plugin: an admin uploads a price file, the preview sorts its
 * models into new, changed, unchanged and refused, and the import adds entries effective today while the
 * older entry stays (history keeps its prices); bad files are a message on the page, not an error page.
 */
class PriceImportBrowserIT extends BrowserSuite {

    static String admin;

    @BeforeAll
    static void start() {
        admin = Fixtures.unique("import-admin").replace(' ', '-');
        Fixtures.user(admin, "ADMIN");
    }

    @Test
    void anAdminPreviewsAndImportsAPriceFile() throws IOException, SQLException {
        String m = "it-" + UUID.randomUUID().toString().substring(0, 8);
        insertPrice(m + "-changed", "2.000000", LocalDate.of(2025, 1, 1));
        insertPrice(m + "-same", "1.000000", LocalDate.of(2025, 1, 1));
        Path file = write("""
                {"sample_spec": {"input_cost_per_token": 0, "output_cost_per_token": 0, "litellm_provider": "x", "mode": "chat"},
                 "%1$s-new": {"input_cost_per_token": 4e-06, "output_cost_per_token": 1.2e-05,
                              "cache_creation_input_token_cost": 5e-06, "litellm_provider": "itco", "mode": "chat"},
                 "%1$s-changed": {"input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05, "litellm_provider": "itco", "mode": "chat"},
                 "%1$s-same": {"input_cost_per_token": 1e-06, "output_cost_per_token": 1e-05, "litellm_provider": "itco", "mode": "chat"},
                 "%1$s-bad": {"input_cost_per_token": "cheap", "output_cost_per_token": 1e-05, "litellm_provider": "itco"},
                 "%1$s-embed": {"input_cost_per_token": 1e-08, "litellm_provider": "itco", "mode": "embedding"}}
                """.formatted(m));

        openImportPage();
        upload(file);
        assertThat(counts())
                .isEqualTo("1 new 1 changed 1 unchanged 1 refused");
        String table = driver.findElement(By.id("plan:changes")).getText();
        assertThat(table).contains(m + "-new", "in 4 · out 12 · cached = in · write 5", "unpriced")
                .contains(m + "-changed", "in 2.5 · out 10", "in 2 · out 10")
                .contains("input_cost_per_token is not a number (cheap)")
                .doesNotContain(m + "-embed", "sample_spec");
        Browser.screenshot(driver, "admin-price-import-preview");

        driver.findElement(By.id("plan:apply")).click();
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload:messages"), "Imported 2 entries"));
        assertThat(driver.findElements(By.id("plan:changes"))).isEmpty();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(entries(m + "-new")).containsExactly(today + " 4.000000 12.000000 5.000000");
        assertThat(entries(m + "-changed")).as("the old price stays for the steps before today")
                .containsExactly("2025-01-01 2.000000 10.000000 null", today + " 2.500000 10.000000 null");
        assertThat(entries(m + "-same")).containsExactly("2025-01-01 1.000000 10.000000 null");
        assertThat(entries(m + "-bad")).isEmpty();

        upload(file);
        assertThat(counts())
                .as("a re-import changes nothing").isEqualTo("0 new 0 changed 3 unchanged 1 refused");
        assertThat(driver.findElement(By.id("plan:apply")).getAttribute("class")).contains("ui-state-disabled");
    }

    @Test
    void badFilesAreExplainedOnThePage() throws IOException {
        openImportPage();
        upload(write("this is not { json"));
        assertThat(messages()).contains("The file is not valid JSON");
        assertThat(driver.findElements(By.id("plan:changes"))).isEmpty();

        upload(write("{\"m\": {\"x\": " + "[".repeat(50) + "]".repeat(50) + "}}"));
        assertThat(messages()).contains("nested deeper than 8 levels");

        upload(write("[\"a list\"]"));
        assertThat(messages()).contains("one JSON object of models");

        driver.findElement(By.id("upload:preview")).click();
        Browser.awaitPrimeFaces(driver);
        assertThat(messages()).contains("Choose a LiteLLM price file");

        // The repository's sample file for the demo: one model of it is refused, the rest preview.
        upload(Path.of("../docs/samples/litellm-prices-sample.json").toRealPath());
        assertThat(driver.findElement(By.id("plan:changes")).getText())
                .contains("broken-sample-model", "input_cost_per_token is not a number (about two dollars)", "gemma-3-27b-it");
    }

    private static void openImportPage() {
        driver.get(HostTokens.signedUrl(base, admin, Set.of("ADMIN"), "/traces/admin/prices.xhtml"));
        Browser.awaitPrimeFaces(driver);
        driver.findElement(By.id("prices:import")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("upload:file")));
        Browser.awaitPrimeFaces(driver);
    }

    private static void upload(Path file) {
        WebElement input = driver.findElement(By.id("upload:file"));
        input.sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("upload:preview")).click();
        Browser.waitFor(driver).until(d -> !d.findElements(By.id("plan-counts")).isEmpty()
                || !d.findElements(By.cssSelector("#upload\\:messages .ui-messages-error")).isEmpty());
        Browser.awaitPrimeFaces(driver);
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Internal Server Error", "HTTP Status 500");
    }

    private static String counts() {
        return driver.findElement(By.id("plan-counts")).getText().replaceAll("\\s+", " ");
    }

    private static String messages() {
        return driver.findElement(By.id("upload:messages")).getText();
    }

    private static Path write(String json) throws IOException {
        Path file = Files.createTempFile("litellm-prices", ".json");
        Files.writeString(file, json);
        return file;
    }

    private static void insertPrice(String model, String input, LocalDate from) throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("insert into model_price (model_pattern, provider, effective_from,"
                     + " input_per_mtok, output_per_mtok, source) values (?, 'itco', ?, ?, 10, 'it')")) {
            ps.setString(1, model);
            ps.setDate(2, Date.valueOf(from));
            ps.setBigDecimal(3, new BigDecimal(input));
            ps.executeUpdate();
        }
    }

    private static List<String> entries(String model) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select effective_from, input_per_mtok, output_per_mtok, cache_creation_per_mtok"
                     + " from model_price where model_pattern = ? and provider = 'itco' order by effective_from")) {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getDate(1).toLocalDate() + " " + rs.getBigDecimal(2).toPlainString() + " "
                            + rs.getBigDecimal(3).toPlainString() + " " + rs.getBigDecimal(4));
                }
            }
        }
        return rows;
    }
}
