package dev.agenttraces.it.support;

import org.flywaydb.core.Flyway;

/**
 * A database schema of its own in the suites' PostgreSQL, migrated as an older release left it, so a suite can show
 * what today's migrations make of it (an operator's upgrade).
 */
public final class OldSchema {

    private OldSchema() {
    }

    /**
     * Runs the migrations at {@code locations} (comma-separated, without {@code classpath:}) into the schema, up to
     * {@code target} (null: all), as a server would.
     */
    public static void migrate(String schema, String locations, String history, String target) {
        String[] classpath = locations.split(",");
        for (int i = 0; i < classpath.length; i++) {
            classpath[i] = "classpath:" + classpath[i];
        }
        var config = Flyway.configure(OldSchema.class.getClassLoader())
                .dataSource(TestDatabase.url(), System.getProperty("it.db.user", "taskboard"),
                        System.getProperty("it.db.password", "taskboard"))
                .schemas(schema).locations(classpath).table(history)
                .baselineOnMigrate(true).baselineVersion("0");
        (target == null ? config : config.target(target)).load().migrate();
    }
}
