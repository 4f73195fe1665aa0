package dev.agenttraces.taskboard.host.infrastructure;

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
 * Brings the host's schema up to date before anything reads it. Hibernate builds its persistence unit
 * without touching tables, so migrating in a startup singleton is early enough; beans that need data
 * at startup declare {@code @DependsOn("SchemaMigration")}. The migrations ship in taskboard-model
 * beside the entities they describe; the history table is the host's own, so plugins keep theirs.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = TaskboardDataSource.JNDI_NAME)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        OwnSchema.HOST.migrate(Flyway.configure(getClass().getClassLoader()).dataSource(dataSource), LOG);
    }
}
