package dev.agenttraces.it.pricing;

import dev.agenttraces.it.support.SpendRollupSums;
import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.BrowserSuite;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin price page in Chromium on host + plugin: validation messages for bad input, saving an entry
 * for a model that had unpriced steps, and the offered recomputation running to DONE with the exact cost.
 */
class PricesPageBrowserIT extends BrowserSuite {

    @Test
    void onlyAdminsSeeTheCatalogue() {
        String user = Fixtures.unique("viewer").replace(' ', '-');
        Fixtures.user(user, "VIEWER");
        driver.get(HostTokens.signedUrl(base, user, Set.of("VIEWER"), "/traces/admin/prices.xhtml"));
        Browser.awaitPrimeFaces(driver);
        assertThat(driver.findElement(By.id("at-prices")).getText()).contains("Administrators only").doesNotContain("gpt-4o");
    }

    @Test
    void anAdminAddsAPriceAndRecomputesTheTraceThatWasUnpriced() throws SQLException {
        String model = "browser-model-" + UUID.randomUUID().toString().substring(0, 8);
        UUID trace = unpricedTrace(model);
        String admin = Fixtures.unique("admin").replace(' ', '-');
        Fixtures.user(admin, "ADMIN");

        driver.get(HostTokens.signedUrl(base, admin, Set.of("ADMIN"), "/traces/admin/prices.xhtml"));
        Browser.awaitPrimeFaces(driver);
        assertThat(driver.findElement(By.id("prices:entries")).getText()).contains("gemini-2\\.5-pro", "anthropic");

        driver.findElement(By.id("prices:add")).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("priceForm:pattern")));
        type("priceForm:pattern", "browser-model-(");
        type("priceForm:input", "-1");
        click("priceForm:save");
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("priceForm:problems"),
                "not a valid regular expression"));
        assertThat(driver.findElement(By.id("priceForm:problems")).getText())
                .contains("Input price cannot be negative", "Output price is required", "Provider is required");

        type("priceForm:from_input", "2025-06-01");
        type("priceForm:pattern", model);
        type("priceForm:provider", "acme");
        type("priceForm:input", "3");
        type("priceForm:output", "15");
        type("priceForm:cached", "0.3");
        type("priceForm:source", "https://example.test/acme 2026-11-24");
        Browser.screenshot(driver, "admin-prices-entry-dialog");
        click("priceForm:save");
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.id("prices:recompute")));
        assertThat(driver.findElement(By.id("prices:entries")).getText()).contains(model);

        click("prices:recompute");
        // The status line may still show an earlier job as DONE: wait for this job's own line.
        Browser.waitFor(driver).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            String line = d.findElement(By.id("prices:job-status")).findElement(By.xpath("..")).getText();
            return line.contains("DONE") && line.contains(model);
        });
        Browser.screenshot(driver, "admin-prices-recomputed");

        // 1000*3 + 2000*0.3 + 500*15 = 11100 per 1e6
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select s.cost_usd, t.cost_usd, t.unpriced_steps from trace_step s"
                     + " join trace t on t.id = s.trace_id where t.id = ?")) {
            ps.setObject(1, trace);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal("0.011100000000"));
                assertThat(rs.getBigDecimal(2)).isEqualTo(new BigDecimal("0.011100000000"));
                assertThat(rs.getInt(3)).isZero();
            }
        }
    }

    /** Scrolls the element into the middle of its scrolling box first: the dialog scrolls when messages grow it. */
    private static void click(String id) {
        WebElement element = driver.findElement(By.id(id));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private static void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static UUID unpricedTrace(String model) throws SQLException {
        long board = Fixtures.board(Fixtures.unique("Prices board"));
        long agent = Fixtures.agent(Fixtures.unique("Prices agent"), model, "acme");
        long task = Fixtures.reviewedTask(board, agent, "Priced later", "Done.");
        UUID trace = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.parse("2025-07-01T12:00:00Z"));
        try (Connection c = TestDatabase.connect()) {
            TestDatabase.update(c, "insert into trace (id, task_id, agent_id, status, model, provider,"
                    + " started_at, step_count, unpriced_steps) values (?, ?, ?, 'COMPLETED', ?, 'acme', ?, 1, 1)",
                    trace, task, agent, model, at);
            TestDatabase.update(c, "insert into trace_step (trace_id, seq, type, model, input_tokens,"
                    + " output_tokens, cached_input_tokens, started_at, content_hash, trace_created_at) values (?, 1, 'REASONING', ?,"
                    + " 1000, 500, 2000, ?, 'h', (select created_at from trace where id = ?))", trace, model, at, trace);
            SpendRollupSums.rebuild(c);
        }
        return trace;
    }
}
