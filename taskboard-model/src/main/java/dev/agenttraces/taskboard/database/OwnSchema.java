package dev.agenttraces.taskboard.database;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.logging.Logger;

/**
 * One WAR's tables in the shared database, migrated by Flyway from the WAR's own scripts into a history table of
 * its own, so the host's migrations and a plugin's never interleave. Baseline 0 lets Flyway take over a database
 * whose tables are already there. Flyway itself comes with each WAR (and with the suites).
 *
 * @param name         what the log line calls it
 * @param locations    where its scripts are, e.g. {@code classpath:db/taskboard}; several are separated by commas
 * @param historyTable its Flyway history table
 */
public record OwnSchema(String name, String locations, String historyTable) {

    /** The host's tables: the scripts beside the entities in this module. */
    public static final OwnSchema HOST = new OwnSchema("Host", "classpath:db/taskboard", "taskboard_schema_history");

    /** Brings the schema up to date through {@code flyway}, a configuration with its class loader and data source. */
    public MigrateResult migrate(FluentConfiguration flyway) {
        return flyway.locations(locations.split(","))
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /** As {@link #migrate(FluentConfiguration)}, then logs the version reached and how many migrations ran. */
    public void migrate(FluentConfiguration flyway, Logger log) {
        MigrateResult result = migrate(flyway);
        log.info(() -> name + " schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied)");
    }
}
