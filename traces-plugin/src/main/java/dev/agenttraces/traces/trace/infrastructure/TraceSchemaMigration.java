package dev.agenttraces.traces.trace.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import dev.agenttraces.taskboard.database.OwnSchema;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Migrates the plugin's tables, and only those: the history table is the plugin's own
 * ({@code traces_schema_history}), so the host's migrations and the plugin's never interleave. The
 * plugin's tables reference the host's (task, agent), so the host must be deployed first; Payara Micro
 * deploys in command-line order and the demo and test launchers put the host first.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class TraceSchemaMigration {

    private static final Logger LOG = Logger.getLogger(TraceSchemaMigration.class.getName());
    /** The scripts every database takes; each database also takes those of its own folder, see {@link #schema}. */
    static final String LOCATION = "classpath:db/traces";

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        schema(vendor()).migrate(Flyway.configure(getClass().getClassLoader()).dataSource(dataSource), LOG);
    }

    /**
     * The plugin's schema on a database of this vendor: the common scripts of {@code db/traces}, and those of
     * {@code db/traces-postgresql} or {@code db/traces-h2}, where a version that needs what only one database has
     * (PostgreSQL's partitioning, V97) has a script for each. A version number is never used by both a common and a
     * vendor script.
     */
    static OwnSchema schema(String vendor) {
        return new OwnSchema("Agent Traces", LOCATION + "," + LOCATION + "-" + vendor, "traces_schema_history");
    }

    private String vendor() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                    ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database holds the traces", e);
        }
    }
}
