package dev.agenttraces.traces.ingest.infrastructure;

import dev.agenttraces.taskboard.model.demo.DemoDataRule;
import dev.agenttraces.traces.ingest.application.IngestTokens;
import dev.agenttraces.traces.trace.infrastructure.TracesDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The demo's documented ingest token: when {@code agent.traces.demo-ingest-token} is set, a token with
 * exactly that value exists for all agents and boards, flagged demo, so the README's curl example works
 * out of the box. When the key is unset (demo mode off), every demo token is revoked at start: a
 * database that outlives the demo must not keep accepting the well-known value (issue 9). Runs after the
 * schema migration; idempotent across restarts.
 *
 * <p>The value is published, so like the host's demo accounts it is only created in a database that holds
 * nothing but demo data ({@link DemoDataRule}, the rule the host's {@code DemoModeGuard} applies to demo mode).
 * On a database with real users the setting is ignored with a SEVERE log, and every demo token is revoked as if
 * it were unset. {@code agent.traces.demo-ingest-token.refuse-real-data=false} turns the check off for a test
 * harness that runs the demo beside other suites' data; a deployment never sets it.
 */
@Startup
@Singleton
@DependsOn("TraceSchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoIngestToken {

    private static final Logger LOG = Logger.getLogger(DemoIngestToken.class.getName());

    @Inject
    @ConfigProperty(name = "agent.traces.demo-ingest-token")
    Optional<String> demoToken;

    @Inject
    @ConfigProperty(name = "agent.traces.demo-ingest-token.refuse-real-data", defaultValue = "true")
    boolean refuseRealData;

    @Inject
    IngestTokens tokens;

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void ensure() {
        String token = allowed(demoToken.map(String::strip).filter(t -> !t.isEmpty()).orElse(null), refuseRealData,
                this::database);
        int revoked = tokens.ensureDemo(token, "Demo token (agent.traces.demo-ingest-token)");
        if (token != null) {
            LOG.info("Demo ingest token is active for all agents and boards (agent.traces.demo-ingest-token)");
        }
        if (revoked > 0) {
            LOG.warning("Revoked " + revoked + " demo ingest token(s): demo mode is off, its token changed or the database holds real data");
        }
    }

    /** The demo token to keep: the configured one, or null when there is none or the database holds real data. */
    static String allowed(String configured, boolean refuseRealData, Supplier<DemoDataRule> database) {
        if (configured == null) {
            return null;
        }
        if (!refuseRealData) {
            LOG.warning("The demo ingest token is created on a database that may hold real data"
                    + " (agent.traces.demo-ingest-token.refuse-real-data=false)");
            return configured;
        }
        Optional<String> refusal = database.get().refusal();
        if (refusal.isPresent()) {
            LOG.severe("agent.traces.demo-ingest-token is ignored: " + refusal.get() + ". No demo ingest token is"
                    + " created and every existing one is revoked. Use an empty database for the demo.");
            return null;
        }
        return configured;
    }

    private DemoDataRule database() {
        String sql = "select (select count(*) from app_user where demo = false), (select count(*) from app_user where demo = true),"
                + " (select count(*) from board)";
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return new DemoDataRule(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell whether the database holds real data", e);
        }
    }
}
