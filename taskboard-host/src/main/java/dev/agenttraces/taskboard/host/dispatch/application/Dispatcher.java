package dev.agenttraces.taskboard.host.dispatch.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo's stand-in for real agents: every few seconds it resumes agents whose budget period rolled
 * over, delivers work started in the previous round, and hands To Do tasks to online agents that the
 * budget guard clears. Off unless {@code taskboard.dispatcher.enabled=true} (bin/demo sets it), so test
 * servers never move tasks under a test's feet. Each step commits on its own (see {@link DispatchRound}).
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    @ConfigProperty(name = "taskboard.dispatcher.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "taskboard.dispatcher.interval-seconds", defaultValue = "15")
    long intervalSeconds;

    @Resource
    TimerService timers;

    @Inject
    DispatchRound round;

    @PostConstruct
    void schedule() {
        if (!enabled) {
            return;
        }
        long interval = Math.max(1, intervalSeconds) * 1000;
        timers.createIntervalTimer(interval, interval, new TimerConfig("taskboard-dispatcher", false));
        LOG.info(() -> "Demo dispatcher on: a round every " + intervalSeconds + " s");
    }

    @Timeout
    void tick() {
        try {
            round.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dispatcher round failed; the next round retries", e);
        }
    }
}
