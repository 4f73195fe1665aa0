package dev.agenttraces.taskboard.host.infrastructure;

import dev.agenttraces.taskboard.database.SharedDatabase;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The host's connection pool. Its connection settings and its validation are the ones the plugin's pool
 * shares ({@link SharedDatabase}: environment variables, since Payara resolves {@code ${ENV=…}} in this
 * annotation but not the WAR's own microprofile-config.properties).
 */
@ApplicationScoped
@DataSourceDefinition(name = TaskboardDataSource.JNDI_NAME, minPoolSize = 2, maxPoolSize = 16,
        className = SharedDatabase.DATASOURCE_CLASS, url = SharedDatabase.URL, user = SharedDatabase.USER, password = SharedDatabase.PASSWORD,
        properties = {SharedDatabase.VALIDATE, SharedDatabase.VALIDATE_BY, SharedDatabase.VALIDATOR,
                SharedDatabase.VALIDATE_EVERY_2_S, SharedDatabase.FAIL_ALL, SharedDatabase.NO_CREATION_RETRY})
public class TaskboardDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/taskboard";
}
