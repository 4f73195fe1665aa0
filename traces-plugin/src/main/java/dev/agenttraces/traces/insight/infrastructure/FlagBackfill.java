package dev.agenttraces.traces.insight.infrastructure;

import dev.agenttraces.traces.insight.application.InsightConfig;
import dev.agenttraces.traces.insight.application.InsightStore;
import dev.agenttraces.traces.insight.application.TraceFlagging;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start, recomputes in the background the flags of every trace whose stored insights are missing (traces
 * from before the insight tables), computed with other settings (the {@code agent.traces.insight.*} keys
 * changed, or a detector's rule: its fingerprint differs) or behind their steps (an ingest whose hook failed).
 * Views do not wait for it: a stale trace opened meanwhile is recomputed on the spot.
 */
@Startup
@Singleton
@DependsOn("TraceSchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class FlagBackfill {

    private static final Logger LOG = Logger.getLogger(FlagBackfill.class.getName());
    private static final int CHUNK = 200;

    @Resource
    ManagedExecutorService executor;
    @Inject
    InsightStore store;
    @Inject
    InsightConfig config;
    @Inject
    TraceFlagging flagging;

    @PostConstruct
    void start() {
        executor.submit(this::run);
    }

    private void run() {
        String fingerprint = config.settings().fingerprint();
        Set<UUID> tried = new HashSet<>();
        int done = 0;
        try {
            while (true) {
                List<UUID> stale = store.staleTraces(fingerprint, CHUNK + tried.size()).stream()
                        .filter(tried::add).limit(CHUNK).toList();
                if (stale.isEmpty()) {
                    break;
                }
                for (UUID trace : stale) {
                    flagging.stepsArrived(trace);
                    done++;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Insight backfill stopped after " + done + " traces", e);
            return;
        }
        if (done > 0) {
            LOG.info("Insight flags recomputed for " + done + " traces (settings " + fingerprint + ")");
        }
    }
}
