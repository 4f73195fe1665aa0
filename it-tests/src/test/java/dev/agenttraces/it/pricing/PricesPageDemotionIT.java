package dev.agenttraces.it.pricing;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostHttpSession;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 (authorisation re-checked on every action): an admin opens the price catalogue, loses the ADMIN
 * role in the shared tables while the page is open, and posts the page's own actions with its view state,
 * as a crafted client would. Nothing is saved or deleted. The same posts made while still an admin act,
 * so the refusal is the role check, not a malformed request.
 */
class PricesPageDemotionIT {

    static final String PAGE = "/traces/admin/prices.xhtml";
    static final String PROVIDER = "it-demotion";

    @Test
    void aDemotedAdminCannotSaveOrDeleteAPrice() {
        String base = TaskboardServer.start();
        String admin = Fixtures.member("demoted-price-admin", "ADMIN");
        HostHttpSession browser = new HostHttpSession(base);
        HttpResponse<String> page = browser.get(HostTokens.signedUrl("", admin, Set.of("ADMIN"), PAGE));
        assertThat(page.body()).contains("id=\"prices\"");

        String deletedWhileAdmin = pattern();
        String keptAfterDemotion = pattern();
        page = browser.post(PAGE, save(browser.post(PAGE, newEntry(page)), deletedWhileAdmin));
        page = browser.post(PAGE, save(browser.post(PAGE, newEntry(page)), keptAfterDemotion));
        assertThat(entries(deletedWhileAdmin) + entries(keptAfterDemotion)).as("saved by the admin's posts").isEqualTo(2);
        page = browser.post(PAGE, delete(page, deletedWhileAdmin));
        assertThat(entries(deletedWhileAdmin)).as("deleted by the admin's post").isZero();
        page = browser.post(PAGE, newEntry(page));
        assertThat(page.body()).contains("priceForm:pattern");

        Users.removeRole(admin, "ADMIN");
        String late = pattern();
        HttpResponse<String> saved = browser.post(PAGE, save(page, late));
        assertThat(saved.body()).contains("at-prices-denied").doesNotContain("id=\"prices\"");
        assertThat(entries(late)).as("no price saved by a former admin").isZero();
        HttpResponse<String> deleted = browser.post(PAGE, delete(page, keptAfterDemotion));
        assertThat(deleted.body()).contains("at-prices-denied");
        assertThat(entries(keptAfterDemotion)).as("no price deleted by a former admin").isEqualTo(1);
    }

    private static String pattern() {
        return "demotion-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** "New entry": opens an empty draft in the price dialog. */
    private static Map<String, String> newEntry(HttpResponse<String> page) {
        Map<String, String> form = form("prices", page);
        form.put("prices:add", "prices:add");
        return form;
    }

    /** The price dialog's fields and its Save button. */
    private static Map<String, String> save(HttpResponse<String> page, String pattern) {
        assertThat(page.body()).as("an open draft").contains("priceForm:pattern");
        Map<String, String> form = form("priceForm", page);
        form.put("priceForm:pattern", pattern);
        form.put("priceForm:provider", PROVIDER);
        form.put("priceForm:from_input", "2025-06-01");
        form.put("priceForm:input", "1");
        form.put("priceForm:output", "2");
        form.put("priceForm:source", "https://example.test/prices 2026-11-24");
        form.put("priceForm:save", "priceForm:save");
        return form;
    }

    /** The Delete button of the entry's row in {@code page}. */
    private static Map<String, String> delete(HttpResponse<String> page, String pattern) {
        Matcher m = Pattern.compile(">" + Pattern.quote(pattern) + "<.*?id=\"(prices:entries:\\d+:delete)\"", Pattern.DOTALL)
                .matcher(page.body());
        assertThat(m.find()).as("a Delete button for " + pattern).isTrue();
        Map<String, String> form = form("prices", page);
        form.put(m.group(1), m.group(1));
        return form;
    }

    private static Map<String, String> form(String id, HttpResponse<String> page) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(id, id);
        form.put("jakarta.faces.ViewState", HostHttpSession.viewState(page));
        return form;
    }

    private static long entries(String pattern) {
        return TestDatabase.single("select count(*) from model_price where model_pattern = ? and provider = ?", pattern, PROVIDER);
    }
}
