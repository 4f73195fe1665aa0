package dev.agenttraces.it.host;

import dev.agenttraces.taskboard.host.application.BoardQueries;
import dev.agenttraces.taskboard.host.infrastructure.TaskboardDataSource;
import dev.agenttraces.taskboard.model.Agent;
import dev.agenttraces.taskboard.model.Board;
import dev.agenttraces.taskboard.model.Task;
import dev.agenttraces.taskboard.model.TaskStatus;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host WAR, as built, on Payara Micro against PostgreSQL: schema, persistence and queries wired. */
@ExtendWith(ArquillianExtension.class)
class HostDeploymentIT {

    /**
     * The WAR as built, except that Arquillian's test runner servlet is left open: the host requires a
     * login for every other path, and the runner is called without one.
     */
    @Deployment
    static WebArchive host() {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.host.war")));
        String webXml;
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String open = "<url-pattern>/login.xhtml</url-pattern>";
        if (!webXml.contains(open)) {
            throw new IllegalStateException("the host's web.xml no longer has an open login page");
        }
        return war.setWebXML(new StringAsset(webXml.replace(open, open + "<url-pattern>/ArquillianServletRunnerEE9</url-pattern>")))
                .addClass(HostDeploymentIT.class);
    }

    @Resource(lookup = TaskboardDataSource.JNDI_NAME)
    DataSource dataSource;

    @PersistenceContext(unitName = "taskboard")
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Inject
    BoardQueries queries;

    @Test
    void migratesTheHostSchemaIntoItsOwnHistoryTable() throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from taskboard_schema_history where success and version = '1'")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void readsATaskWithItsBoardAndAgentThroughTheSharedModel() throws Exception {
        tx.begin();
        Board board = new Board("Arquillian board");
        Agent agent = new Agent("Arquillian agent " + System.nanoTime(), "gpt-4o", "openai");
        Task task = new Task(board, "Write the release notes", "for 1.0", true);
        task.start(agent);
        task.deliver("Release notes written.", Instant.now());
        em.persist(board);
        em.persist(agent);
        em.persist(task);
        tx.commit();

        Task read = queries.task(task.getId()).orElseThrow();
        assertEquals(TaskStatus.REVIEW, read.getStatus());
        assertEquals("Arquillian board", read.getBoard().getName());
        assertEquals("gpt-4o", read.getAssignee().getModel());
        assertTrue(queries.boards().stream().anyMatch(b -> b.getId().equals(board.getId())));
    }
}
