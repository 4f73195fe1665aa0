package dev.agenttraces.it.plugin;

import dev.agenttraces.traces.store.DatabaseHealthCheck;
import dev.agenttraces.traces.store.TracesDataSource;
import dev.agenttraces.taskboard.model.Board;
import dev.agenttraces.taskboard.model.Task;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.File;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @PersistenceContext(unitName = "traces")
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Inject
    @Readiness
    DatabaseHealthCheck health;

    @ArquillianResource
    URL base;

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

    @Test
    void taskPanelReadsTheHostsTaskThroughTheSharedEntities() throws Exception {
        tx.begin();
        Board board = new Board("Plugin board");
        Task task = new Task(board, "Explain the cache miss", null, false);
        em.persist(board);
        em.persist(task);
        tx.commit();

        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.toURI().resolve("task-panel.xhtml?task=" + task.getId())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Explain the cache miss"), page.body());
        assertTrue(page.body().contains("Plugin board"), page.body());
    }
}
