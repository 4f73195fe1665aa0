package dev.agenttraces.it.plugin;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.traces.store.DatabaseHealthCheck;
import dev.agenttraces.traces.store.TracesDataSource;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin WAR, as built, on Payara Micro against PostgreSQL that already holds the host's schema:
 * its own migration history, its health check, and reading host tasks through the shared entities.
 */
@ExtendWith(ArquillianExtension.class)
class PluginDeploymentIT {

    @Deployment
    static WebArchive plugin() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.plugin.war")))
                .addClass(PluginDeploymentIT.class);
    }

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @Readiness
    DatabaseHealthCheck health;

    @Test
    void keepsItsOwnMigrationHistoryBesideTheHosts() throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select (select count(*) from traces_schema_history where success),"
                             + " (select count(*) from taskboard_schema_history where success)")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1, "the plugin's history table has rows");
            assertTrue(rs.getInt(2) >= 1, "the host's history table is untouched and separate");
        }
    }

    @Test
    void reportsTheDatabaseUp() {
        HealthCheckResponse response = health.call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("PostgreSQL", response.getData().orElseThrow().get("database"));
    }

    /** Runs in the test JVM: a browser-like client with a host token, as the host's iframe would be. */
    @Test
    @RunAsClient
    void taskPanelReadsTheHostsTaskThroughTheSharedEntities(@ArquillianResource URL base) throws Exception {
        long board = Fixtures.board("Plugin board");
        long otherBoard = Fixtures.board("Someone else's board");
        long agent = Fixtures.agent(Fixtures.unique("Plugin agent"), "gpt-4o", "openai");
        long task = Fixtures.reviewedTask(board, agent, "Explain the cache miss", "Cold start.");
        long hidden = Fixtures.reviewedTask(otherBoard, agent, "Secret task", "Hidden.");
        String user = Fixtures.unique("member").replace(' ', '-');
        Fixtures.user(user, "VIEWER", board);
        String host = base.toString().replaceAll("/traces/?$", "");

        HttpResponse<String> page = get(HostTokens.signedUrl(host, user, Set.of("VIEWER"), "/traces/task-panel.xhtml?task=" + task));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Explain the cache miss"), page.body());
        assertTrue(page.body().contains("Plugin board"), page.body());

        HttpResponse<String> refused = get(HostTokens.signedUrl(host, user, Set.of("VIEWER"), "/traces/task-panel.xhtml?task=" + hidden));
        assertEquals(200, refused.statusCode());
        assertFalse(refused.body().contains("Secret task"), "a task of a board the user is not a member of stays hidden");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
