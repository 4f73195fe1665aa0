package dev.agenttraces.it.plugin;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.TestHttp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin WAR, exactly as built, alone on Payara Micro against PostgreSQL that already holds the
 * host's schema: its own migration history, its health check in the server's /health, and its panel
 * reading host tasks through the shared entities for a user the host vouched for. Tested from outside
 * (testable = false) because the plugin refuses every unauthenticated request, Arquillian's included.
 */
@ExtendWith(ArquillianExtension.class)
class PluginDeploymentIT {

    @Deployment(testable = false)
    static WebArchive plugin() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.plugin.war")));
    }

    @ArquillianResource
    URL base;

    @Test
    void keepsItsOwnMigrationHistoryBesideTheHosts() {
        assertEquals(1, TestDatabase.single("select count(*) from traces_schema_history where success and version = '1'"),
                "the plugin's history table records its V1");
        assertTrue(TestDatabase.single("select count(*) from taskboard_schema_history where success") >= 1,
                "the host's history table is separate and untouched");
    }

    @Test
    void reportsItsDatabaseUpInTheServersHealth() throws Exception {
        HttpResponse<String> health = get(server() + "/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"agent-traces-database\""), health.body());
        assertTrue(health.body().contains("PostgreSQL"), health.body());
    }

    @Test
    void taskPanelReadsTheHostsTaskThroughTheSharedEntities() throws Exception {
        long board = Fixtures.board("Plugin board");
        long otherBoard = Fixtures.board("Someone else's board");
        long agent = Fixtures.agent(Fixtures.unique("Plugin agent"), "gpt-4o", "openai");
        long task = Fixtures.reviewedTask(board, agent, "Explain the cache miss", "Cold start.");
        long hidden = Fixtures.reviewedTask(otherBoard, agent, "Secret task", "Hidden.");
        String user = Fixtures.unique("member").replace(' ', '-');
        Fixtures.user(user, "VIEWER", board);

        HttpResponse<String> page = get(HostTokens.signedUrl(server(), user, Set.of("VIEWER"), "/traces/task-panel.xhtml?task=" + task));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Explain the cache miss"), page.body());
        assertTrue(page.body().contains("No traces yet"), page.body());

        HttpResponse<String> refused = get(HostTokens.signedUrl(server(), user, Set.of("VIEWER"), "/traces/task-panel.xhtml?task=" + hidden));
        assertFalse(refused.body().contains("Secret task"), "a task of a board the user is not a member of stays hidden");
        assertTrue(refused.body().contains("Task not found"), refused.body());
    }

    private String server() {
        return base.toString().replaceAll("/traces/?$", "");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return TestHttp.client().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
