package dev.agenttraces.traces.ingest.application;

import dev.agenttraces.traces.insight.application.FlagRefreshes;
import dev.agenttraces.traces.trace.domain.TraceStore;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;
import java.util.function.Function;

/**
 * What both ingest paths ({@link TraceIngest} for the JSON API, {@link OtlpIngest} for OTLP) write through: one
 * transaction on trace's {@link TraceStore}, run once more when a concurrent writer inserted the same key first;
 * {@link BatchPricing} inside it; and insight's {@link FlagRefreshes} after the commit, which refresh the trace's
 * flags off the request, so flags never hold up or fail a write.
 */
@ApplicationScoped
public class IngestTransactions {

    @Inject
    TraceStore store;

    @Inject
    BatchPricing pricing;

    @Inject
    FlagRefreshes flagging;

    public <T> T inTransaction(Function<TraceStore.Session, T> work) {
        return store.inTransaction(work);
    }

    /**
     * {@code work} in one transaction; when it lost a race for a key (a concurrent request inserted the same trace
     * or step first), {@code again} in a second one, which finds the winner's rows.
     */
    public <T> T inTransaction(Function<TraceStore.Session, T> work, Function<TraceStore.Session, T> again) {
        try {
            return store.inTransaction(work);
        } catch (RuntimeException e) {
            if (store.isDuplicateKey(e)) {
                return store.inTransaction(again);
            }
            throw e;
        }
    }

    /** Whether a failed write may succeed when the client retries it (the database was unavailable or busy). */
    public boolean isTransient(RuntimeException e) {
        return store.isTransient(e);
    }

    /** Pricing for one batch of steps of {@code trace}. */
    public BatchPricing.Run pricing(TraceSummary trace) {
        return pricing.begin(trace);
    }

    /** After the commit: the trace has new steps after those its flags have seen. */
    public void stepsArrived(UUID traceId) {
        flagging.stepsArrived(traceId);
    }

    /** After the commit: stored steps of the trace were replaced, so its flags are recomputed from its steps. */
    public void stepsRewritten(UUID traceId) {
        flagging.stepsRewritten(traceId);
    }
}
