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
        maxPoolSize = 16,
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
public class TaskboardDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/taskboard";
}
