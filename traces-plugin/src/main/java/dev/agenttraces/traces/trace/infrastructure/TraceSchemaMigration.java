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
    static final OwnSchema SCHEMA = new OwnSchema("Agent Traces", "classpath:db/traces", "traces_schema_history");

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        SCHEMA.migrate(Flyway.configure(getClass().getClassLoader()).dataSource(dataSource), LOG);
    }
}
