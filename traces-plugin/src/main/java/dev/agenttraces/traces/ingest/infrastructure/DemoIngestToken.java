package dev.agenttraces.traces.ingest.infrastructure;

import dev.agenttraces.traces.ingest.application.IngestTokens;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The demo's documented ingest token: when {@code agent.traces.demo-ingest-token} is set, a token with
 * exactly that value exists for all agents and boards, flagged demo, so the README's curl example works
 * out of the box. When the key is unset (demo mode off), every demo token is revoked at start: a
 * database that outlives the demo must not keep accepting the well-known value (issue 9). Runs after the
 * schema migration; idempotent across restarts.
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
    IngestTokens tokens;

    @PostConstruct
    void ensure() {
        String token = demoToken.map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
        int revoked = tokens.ensureDemo(token, "Demo token (agent.traces.demo-ingest-token)");
        if (token != null) {
            LOG.info("Demo ingest token is active for all agents and boards (agent.traces.demo-ingest-token)");
        }
        if (revoked > 0) {
            LOG.warning("Revoked " + revoked + " demo ingest token(s): demo mode is off or its token changed");
        }
    }
}
