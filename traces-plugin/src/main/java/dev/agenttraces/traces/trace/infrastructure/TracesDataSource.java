package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.taskboard.database.SharedDatabase;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The plugin's own pool onto the host's database (the plugin shares the host's tables, so it reads
 * the same environment variables as the host, {@link SharedDatabase}). The pool is larger than the
 * host's because ingest writes in parallel batches.
 */
@ApplicationScoped
@DataSourceDefinition(name = TracesDataSource.JNDI_NAME, minPoolSize = 4, maxPoolSize = 32,
        className = SharedDatabase.DATASOURCE_CLASS, url = SharedDatabase.URL, user = SharedDatabase.USER, password = SharedDatabase.PASSWORD,
        properties = {SharedDatabase.VALIDATE, SharedDatabase.VALIDATE_BY, SharedDatabase.VALIDATOR,
                SharedDatabase.VALIDATE_EVERY_2_S, SharedDatabase.FAIL_ALL, SharedDatabase.NO_CREATION_RETRY})
public class TracesDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/traces";
}
