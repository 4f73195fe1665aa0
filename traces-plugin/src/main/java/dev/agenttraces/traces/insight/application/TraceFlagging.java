package dev.agenttraces.traces.insight.application;

import dev.agenttraces.traces.shared.RecentEntries;

import dev.agenttraces.traces.pricing.domain.TracesRepriced;
import jakarta.enterprise.event.Observes;
import dev.agenttraces.traces.insight.domain.FlagChanges;
import dev.agenttraces.traces.insight.domain.FlagTotals;
import dev.agenttraces.traces.insight.domain.InsightAccumulator;
import dev.agenttraces.traces.insight.domain.InsightSettings;
import dev.agenttraces.traces.insight.domain.InsightStep;
import dev.agenttraces.traces.insight.domain.StoredFlag;
import dev.agenttraces.traces.insight.domain.TraceInsights;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each trace's flags current as its steps arrive: the one hook both ingest paths call after their
 * transaction committed ({@link #stepsArrived}). An accumulator per recently written trace is kept in memory
 * and fed only the new steps, so a batch costs what its own steps cost; when none is cached (a restart, an
 * evicted trace) or the stored steps no longer continue what it saw (steps arrived out of seq order, an OTLP
 * span was replaced), it is rebuilt from the stored steps, read in pages. Flags are recomputed after a
 * change of the settings, too: a stored fingerprint that differs marks the trace stale.
 *
 * <p>A failure here never fails the ingest that called it (the steps are already committed): it is logged,
 * and the stale row is recomputed on the next batch, the next view of the trace, or the next start.
 */
@ApplicationScoped
public class TraceFlagging {

    private static final Logger LOG = Logger.getLogger(TraceFlagging.class.getName());

    /** Steps read per query when catching up. */
    static final int PAGE = 2000;
    /** Accumulators kept for live traces. */
    private static final int CACHED = 256;
    private static final int STRIPES = 64;

    @Inject
    InsightStore store;
    @Inject
    InsightConfig config;

    private final Object[] locks = new Object[STRIPES];
    private final RecentEntries<UUID, Live> live = new RecentEntries<>(CACHED);

    public TraceFlagging() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** The ingest hook: steps of this trace were committed. Never throws. */
    public void stepsArrived(UUID trace) {
        try {
            refresh(trace);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Flags of trace " + trace + " not updated; recomputed on its next read", e);
        }
    }

    /**
     * The ingest hook for steps rewritten in place (an OTLP span replaced keeps its first step's seq, below the
     * steps already seen, and may keep the step count): the accumulator cannot tell, so it is dropped and the
     * flags are recomputed from the stored steps. Never throws.
     */
    public void stepsRewritten(UUID trace) {
        synchronized (locks[Math.floorMod(trace.hashCode(), STRIPES)]) {
            forget(trace);
        }
        stepsArrived(trace);
    }

    /**
     * Pricing recomputed these traces' step costs: the flags' costs (savable, waste) are derived from them, and
     * neither the step count nor the settings changed, so nothing else would tell. Never throws.
     */
    void repriced(@Observes TracesRepriced event) {
        event.traces().forEach(this::stepsRewritten);
    }

    /** The stored totals, recomputed first when they are missing or stale (a view's read). */
    public Optional<FlagTotals> current(UUID trace, int stepCount) {
        Optional<FlagTotals> stored = store.totals(trace);
        if (stored.isPresent() && stored.get().stepCount() == stepCount
                && stored.get().settingsFingerprint().equals(config.settings().fingerprint())) {
            return stored;
        }
        return refresh(trace);
    }

    /** Brings the trace's stored flags up to its stored steps; empty when the trace does not exist. */
    public Optional<FlagTotals> refresh(UUID trace) {
        synchronized (locks[Math.floorMod(trace.hashCode(), STRIPES)]) {
            Optional<Integer> count = store.stepCount(trace);
            if (count.isEmpty()) {
                forget(trace);
                return Optional.empty();
            }
            InsightSettings settings = config.settings();
            Live cached = cached(trace);
            InsightAccumulator acc = cached == null ? null : cached.acc();
            if (acc == null || !acc.settings().equals(settings)) {
                acc = new InsightAccumulator(settings);
            }
            catchUp(trace, acc);
            if (acc.stepCount() != count.get()) {
                acc = new InsightAccumulator(settings); // the steps do not continue what it saw: start over
                catchUp(trace, acc);
            }
            TraceInsights insights = acc.insights();
            FlagTotals totals = FlagTotals.of(insights, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            List<StoredFlag> flags = StoredFlag.of(insights);
            if (cached != null && cached.isStored(store.totals(trace))) {
                store.saveChanges(trace, totals, FlagChanges.between(cached.flags(), flags));
            } else {
                store.save(trace, totals, flags);
            }
            keep(trace, new Live(acc, totals, flags));
            return Optional.of(totals);
        }
    }

    /**
     * A trace's accumulator and the totals and flags last saved from it. The flags are only diffed against
     * when the stored totals are still the ones saved (same computed-at instant, kept to the millisecond so it
     * reads back exactly): then nothing else wrote them since, and a batch writes only the flags that changed.
     * Otherwise (a failed save, another node, a deleted trace) every flag is rewritten.
     */
    private record Live(InsightAccumulator acc, FlagTotals totals, List<StoredFlag> flags) {

        boolean isStored(Optional<FlagTotals> stored) {
            return stored.isPresent() && totals.computedAt().equals(stored.get().computedAt())
                    && stored.get().stepCount() == totals.stepCount() && stored.get().lastSeq() == totals.lastSeq()
                    && stored.get().settingsFingerprint().equals(totals.settingsFingerprint());
        }
    }

    private void catchUp(UUID trace, InsightAccumulator acc) {
        int after = acc.stepCount() == 0 ? Integer.MIN_VALUE : acc.lastSeq();
        while (true) {
            List<InsightStep> page = store.stepsAfter(trace, after, PAGE);
            acc.acceptAll(page);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    private Live cached(UUID trace) {
        return live.get(trace);
    }

    private void keep(UUID trace, Live entry) {
        live.put(trace, entry);
    }

    private void forget(UUID trace) {
        live.remove(trace);
    }
}
