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
 * exactly that value exists for all agents, so the README's curl example works out of the box. Runs
 * after the schema migration; idempotent across restarts. Unset in production.
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
        demoToken.filter(t -> !t.isBlank()).ifPresent(token -> {
            tokens.ensure(token.strip(), "Demo token (agent.traces.demo-ingest-token)");
            LOG.info("Demo ingest token is active for all agents (agent.traces.demo-ingest-token)");
        });
    }
}
