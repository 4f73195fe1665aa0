package dev.agenttraces.traces.trace.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The plugin's own pool onto the host's database (the plugin shares the host's tables, so it reads
 * the same environment variables as the host). Payara resolves {@code ${ENV=…}} here but not the WAR's
 * microprofile-config.properties, hence the environment. The pool is larger than the host's because
 * ingest writes in parallel batches.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = TracesDataSource.JNDI_NAME,
        className = "${ENV=TASKBOARD_DB_DATASOURCE}",
        url = "${ENV=TASKBOARD_DB_URL}",
        user = "${ENV=TASKBOARD_DB_USER}",
        password = "${ENV=TASKBOARD_DB_PASSWORD}",
        minPoolSize = 4,
        maxPoolSize = 32)
public class TracesDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/traces";
}
