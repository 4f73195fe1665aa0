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
        maxPoolSize = 32,
        // Connections broken by a database restart are found and replaced by the pool itself (issue 13): each is
        // validated with JDBC 4's isValid() at most once per 2 s when handed out, and one failure closes them
        // all, so the first request after the database is back gets a fresh connection. Portable (H2 and PG).
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=2",
                "fish.payara.fail-all-connections=true",
                "fish.payara.connection-creation-retry-attempts=0"
        })
public class TracesDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/traces";
}
