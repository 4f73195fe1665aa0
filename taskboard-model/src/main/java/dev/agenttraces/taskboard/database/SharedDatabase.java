package dev.agenttraces.taskboard.database;

/**
 * What the host's pool and the plugin's pool onto the same database agree on, as values for their
 * {@code @DataSourceDefinition}s (each WAR keeps its own pool: its JNDI name and its sizes). The connection comes
 * from environment variables because Payara resolves {@code ${ENV=…}} in that annotation but not a WAR's own
 * microprofile-config.properties; the demo script and the test harness set them (embedded H2 for the demo,
 * PostgreSQL everywhere else).
 *
 * <p>Connections broken by a database restart are found and replaced by the pool itself (issue 13): each is
 * validated with JDBC 4's isValid() at most once per 2 s when handed out, and one failure closes them all, so the
 * first request after the database is back gets a fresh connection. Portable (H2 and PG).
 */
public final class SharedDatabase {

    public static final String DATASOURCE_CLASS = "${ENV=TASKBOARD_DB_DATASOURCE}";
    public static final String URL = "${ENV=TASKBOARD_DB_URL}";
    public static final String USER = "${ENV=TASKBOARD_DB_USER}";
    public static final String PASSWORD = "${ENV=TASKBOARD_DB_PASSWORD}";

    public static final String VALIDATE = "fish.payara.is-connection-validation-required=true";
    public static final String VALIDATE_BY = "fish.payara.connection-validation-method=custom-validation";
    public static final String VALIDATOR =
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation";
    public static final String VALIDATE_EVERY_2_S = "fish.payara.validate-atmost-once-period-in-seconds=2";
    public static final String FAIL_ALL = "fish.payara.fail-all-connections=true";
    public static final String NO_CREATION_RETRY = "fish.payara.connection-creation-retry-attempts=0";

    private SharedDatabase() {
    }
}
