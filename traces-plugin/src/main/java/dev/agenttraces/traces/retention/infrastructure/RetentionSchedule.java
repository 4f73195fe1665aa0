package dev.agenttraces.traces.retention.infrastructure;

import dev.agenttraces.traces.retention.application.RetentionService;
import dev.agenttraces.traces.retention.application.RetentionSettings;
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

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs retention every {@code agent.traces.retention.interval-minutes} (first one interval after start) on every
 * server; the run log lets one of them run at a time (RetentionService#runScheduled). Off with an interval of 0.
 */
@Startup
@Singleton
@DependsOn("TraceSchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RetentionService retention;

    @Inject
    RetentionSettings settings;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long minutes = settings.intervalMinutes();
        if (minutes > 0) {
            task = scheduler.scheduleWithFixedDelay(this::tick, minutes, minutes, TimeUnit.MINUTES);
        }
    }

    private void tick() {
        try {
            retention.runScheduled();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled retention run failed", e); // the next tick tries again
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
