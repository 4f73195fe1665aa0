package dev.agenttraces.taskboard.host.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The host's connection pool. Settings come from environment variables because Payara resolves
 * {@code ${ENV=…}} in this annotation but not the WAR's own microprofile-config.properties; the demo
 * script and the test harness set them (embedded H2 for the demo, PostgreSQL everywhere else).
 */
@ApplicationScoped
@DataSourceDefinition(
        name = TaskboardDataSource.JNDI_NAME,
        className = "${ENV=TASKBOARD_DB_DATASOURCE}",
        url = "${ENV=TASKBOARD_DB_URL}",
        user = "${ENV=TASKBOARD_DB_USER}",
        password = "${ENV=TASKBOARD_DB_PASSWORD}",
        minPoolSize = 2,
        maxPoolSize = 16)
public class TaskboardDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/taskboard";
}
