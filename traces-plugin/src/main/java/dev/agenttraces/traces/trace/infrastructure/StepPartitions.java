package dev.agenttraces.traces.trace.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link StepPartitionMaintenance} at start and then every {@code agent.traces.partitions.check-hours} on every
 * server, on PostgreSQL only (H2 has no partitions). At start, so a server that was down over a month's turn has
 * that month's partition before it takes a step; ahead by {@code agent.traces.partitions.months-ahead} months, so a
 * pass that fails for a few days (a lock not had) costs nothing.
 */
@Startup
@Singleton
@DependsOn("TraceSchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class StepPartitions {

    private static final Logger LOG = Logger.getLogger(StepPartitions.class.getName());

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "agent.traces.partitions.months-ahead", defaultValue = "2")
    int monthsAhead;

    @Inject
    @ConfigProperty(name = "agent.traces.partitions.check-hours", defaultValue = "6")
    int checkHours;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        if (partitioned()) {
            task = scheduler.scheduleWithFixedDelay(this::tick, 0, Math.max(1, checkHours), TimeUnit.HOURS);
        }
    }

    private boolean partitioned() {
        try (Connection c = dataSource.getConnection()) {
            return StepCopy.supports(c);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot tell whether trace_step is partitioned; its partitions are not kept", e);
            return false;
        }
    }

    private void tick() {
        try (Connection c = dataSource.getConnection()) {
            StepPartitionMaintenance.Pass pass = StepPartitionMaintenance.run(c, Instant.now(), Math.max(0, monthsAhead));
            if (!pass.created().isEmpty() || !pass.dropped().isEmpty()) {
                LOG.info(() -> "Step partitions created " + pass.created() + ", dropped " + pass.dropped());
            }
            if (!pass.failed().isEmpty()) {
                LOG.warning(() -> "Step partitions not changed, tried again in " + checkHours + " h: " + pass.failed());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Step partition upkeep failed; the next pass tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
