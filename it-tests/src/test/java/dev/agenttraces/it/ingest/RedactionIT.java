package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.Browser;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.Login;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.Users;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redaction at ingest (issue 13): every kind of secret the defaults know, sent through the JSON API and through
 * OTLP in every text field a step has (content, tool input and output, error, conversation, span attributes),
 * never reaches the database: after ingest, every text column of every table of the plugin's and the host's
 * schema is searched for each secret (each run makes fresh ones) and none holds it, while the steps hold the
 * markers and count them. The task panel shows those steps with a "redacted" badge.
 */
class RedactionIT {

    static final String PAGE = "/traces/admin/redaction.xhtml";

    static String base;
    static ChromeDriver driver;
    static long board;
    static long agent;
    static String token;
    static RedactionSecrets secrets;

    @BeforeAll
    static void start() {
        base = TaskboardServer.start();
        board = Fixtures.board(Fixtures.unique("Redaction board"));
        agent = Fixtures.agent(Fixtures.unique("Redaction agent"), "gpt-4o", "openai");
        token = IngestClient.token(false, agent);
        secrets = RedactionSecrets.fresh();
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void noSecretSentThroughTheJsonApiReachesTheDatabase() {
        long task = Fixtures.reviewedTask(board, agent, Fixtures.unique("Redaction JSON task"), "done");
        UUID trace = IngestClient.start(token, task, agent);
        List<jakarta.json.JsonObjectBuilder> steps = new ArrayList<>();
        int seq = 0;
        for (Map.Entry<String, String> s : secrets.texts().entrySet()) {
            steps.add(IngestClient.step(seq++).add("type", "reasoning").add("content", "I found " + s.getValue() + " in .env"));
            steps.add(IngestClient.step(seq++).add("type", "tool_call").add("toolName", "http_get")
                    .add("toolInput", Json.createObjectBuilder().add("header", s.getValue()).add("nested",
                            Json.createArrayBuilder().add("line one\n" + s.getValue()))));
            steps.add(IngestClient.step(seq++).add("type", "tool_result").add("toolOutput", "200 OK\n" + s.getValue()));
            steps.add(IngestClient.step(seq++).add("type", "error").add("content", "request failed for " + s.getValue()));
        }
        // built once: a JSON-P builder is empty after it is built
        String batch = IngestClient.batch(steps.toArray(jakarta.json.JsonObjectBuilder[]::new));
        HttpResponse<String> r = IngestClient.append(token, trace, batch);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
        assertThat(IngestClient.json(r).getInt("created")).as(r.body()).isEqualTo(steps.size());
        HttpResponse<String> replay = IngestClient.append(token, trace, batch);
        assertThat(IngestClient.json(replay).getInt("duplicates")).as("a replay of masked steps is a duplicate, not a conflict")
                .isEqualTo(steps.size());
        HttpResponse<String> finish = IngestClient.post("/traces/" + trace + "/finish", token, Json.createObjectBuilder()
                .add("status", "failed").add("errorMessage", "gave up: " + secrets.texts().get("email")).build().toString());
        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(200);

        assertNoSecretStored();
        List<String> texts = RedactionSecrets.storedTexts(trace);
        for (String kind : secrets.texts().keySet()) {
            assertThat(String.join("\n", texts)).contains(RedactionSecrets.marker(kind));
        }
        assertThat(RedactionSecrets.stepsWithRedactions(trace)).isEqualTo(steps.size());
        assertThat(RedactionSecrets.traceError(trace)).isEqualTo("gave up: [REDACTED:email]");
    }

    @Test
    void noSecretSentThroughOtlpReachesTheDatabase() {
        long task = Fixtures.reviewedTask(board, agent, Fixtures.unique("Redaction OTLP task"), "done");
        String traceHex = RedactionSecrets.hex(16);
        String body = RedactionSecrets.otlpExport(task, agent, traceHex, secrets);
        HttpResponse<String> r = RedactionSecrets.postOtlp(body, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("rejectedSpans");
        UUID trace = RedactionSecrets.traceId(traceHex);
        long stored1 = RedactionSecrets.stepCount(trace);
        HttpResponse<String> again = RedactionSecrets.postOtlp(body, token);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(RedactionSecrets.stepCount(trace)).as("re-sent spans hash as before: not stored twice").isEqualTo(stored1);

        assertNoSecretStored();
        String texts = String.join("\n", RedactionSecrets.storedTexts(trace));
        for (String kind : secrets.texts().keySet()) {
            assertThat(texts).as(kind).contains(RedactionSecrets.marker(kind));
        }
        assertThat(RedactionSecrets.stepsWithRedactions(trace)).as("chat, reasoning, tool call, tool result, error")
                .isGreaterThanOrEqualTo(4);
        assertThat(RedactionSecrets.traceError(trace)).contains("[REDACTED:").doesNotContain(secrets.texts().get("aws"));
        showsTheRedactedBadge(task);
    }

    @Test
    void theAdminPageListsTheActivePatternsAndOnlyToAdmins() {
        ChromeDriver browser = Browser.start();
        try {
            Users.ensure("redaction-admin", "ADMIN");
            browser.get(HostTokens.signedUrl(base, "redaction-admin", Set.of("ADMIN"), PAGE));
            Browser.awaitPrimeFaces(browser);
            String page = browser.getPageSource();
            assertThat(page).contains("[REDACTED:api-key]", "[REDACTED:jwt]", "[REDACTED:bearer-token]",
                    "[REDACTED:password]", "[REDACTED:email]");
            for (String name : List.of("anthropic-key", "openai-key", "aws-access-key", "github-token", "slack-token",
                    "google-api-key", "jwt", "bearer-token", "url-password", "email")) {
                assertThat(browser.findElements(By.cssSelector("tr.at-redaction-" + name))).as(name).hasSize(1);
            }
            Browser.screenshot(browser, "redaction-admin");
            browser.get(HostTokens.signedUrl(base, "redaction-viewer", Set.of("VIEWER"), PAGE));
            assertThat(browser.getPageSource()).contains("Only administrators can see the redaction patterns")
                    .doesNotContain("[REDACTED:api-key]");
        } finally {
            browser.quit();
        }
    }

    private static void assertNoSecretStored() {
        for (Map.Entry<String, String> s : secrets.secretParts().entrySet()) {
            assertThat(RedactionSecrets.columnsHolding(s.getValue())).as("columns holding the " + s.getKey() + " secret")
                    .isEmpty();
        }
    }

    /** In Chromium through the host's task page: the masked steps carry the badge, saying how many. */
    private static void showsTheRedactedBadge(long task) {
        if (driver == null) {
            driver = Browser.start();
            String viewer = Fixtures.unique("redaction-viewer").replace(' ', '-');
            long viewerId = Users.create(viewer, "viewer-pass", "VIEWER");
            Users.addToBoard(viewerId, board);
            Login.as(driver, base, viewer, "viewer-pass");
        }
        Browser.openTaskPanel(driver, base, task);
        By badge = By.cssSelector(".at-timeline tr.at-step .at-flag-redacted");
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(badge));
        List<WebElement> badges = driver.findElements(badge);
        assertThat(badges).isNotEmpty();
        assertThat(badges.get(0).getText()).isEqualTo("redacted");
        assertThat(Integer.parseInt(badges.get(0).getAttribute("data-redactions"))).isPositive();
        assertThat(badges.get(0).getAttribute("title")).contains("masked at ingest");
        assertThat(driver.getPageSource()).contains("[REDACTED:");
        for (String secret : secrets.secretParts().values()) {
            assertThat(driver.getPageSource()).doesNotContain(secret);
        }
        Browser.screenshot(driver, "redaction-badge");
    }
}
