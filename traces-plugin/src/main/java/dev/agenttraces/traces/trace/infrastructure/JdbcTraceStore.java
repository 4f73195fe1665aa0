package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.trace.domain.FinishTrace;
import dev.agenttraces.traces.trace.domain.PricedStep;
import dev.agenttraces.traces.trace.domain.StoredSpan;
import dev.agenttraces.traces.trace.domain.TraceRoot;
import dev.agenttraces.traces.trace.domain.TraceStore;
import dev.agenttraces.traces.trace.domain.TraceSummary;
import dev.agenttraces.traces.trace.domain.TraceTotals;
import dev.agenttraces.traces.trace.domain.TracesWritten;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@link TraceStore} over one local JDBC transaction per unit of work ({@link JdbcTransaction}) and
 * the batched write SQL of {@link TraceWriter}. JDBC rather than JPA because this is the benchmarked
 * hot path: one multi-row batch per request and one totals UPDATE, with nothing to flush or track. Every
 * change of a trace's totals also moves the spend rollups ({@link SpendRollups}), applied last before commit.
 */
@ApplicationScoped
public class JdbcTraceStore implements TraceStore {

    @Inject
    JdbcTransaction tx;

    @Inject
    TraceWriter writer;

    /** Told after every commit, so open task panels on this node refresh at once (web.live). */
    @Inject
    Event<TracesWritten> written;

    @Override
    public <T> T inTransaction(Function<Session, T> work) {
        T result = tx.run(c -> {
            JdbcSession session = new JdbcSession(c);
            T out = work.apply(session);
            session.rollups.flush(c); // last, so rollup rows are locked only for the commit
            return out;
        });
        written.fire(TracesWritten.INSTANCE);
        return result;
    }

    @Override
    public boolean isDuplicateKey(RuntimeException e) {
        return JdbcTransaction.isDuplicateKey(e);
    }

    @Override
    public boolean isTransient(RuntimeException e) {
        return JdbcTransaction.isTransient(e);
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlRun {
        void run() throws SQLException;
    }

    private static void sqlRun(SqlRun run) {
        sql(() -> {
            run.run();
            return null;
        });
    }

    private static <T> T sql(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new IllegalStateException("Trace store write failed: " + e.getMessage(), e);
        }
    }

    /** One transaction's operations on its connection. */
    private final class JdbcSession implements Session {

        private final Connection c;
        private final SpendRollups.Pending rollups = new SpendRollups.Pending();
        /** The creation instant of each trace this transaction locked: the partition key of the steps it adds. */
        private final Map<UUID, OffsetDateTime> createdAt = new HashMap<>();

        JdbcSession(Connection c) {
            this.c = c;
        }

        @Override
        public Optional<TraceSummary> read(UUID id) {
            return sql(() -> writer.read(c, id));
        }

        @Override
        public Optional<TraceSummary> lock(UUID id) {
            return sql(() -> writer.lock(c, id, createdAt));
        }

        @Override
        public Optional<TaskPlacement> taskPlacement(long taskId) {
            return sql(() -> writer.taskPlacement(c, taskId));
        }

        @Override
        public Optional<AgentDefaults> agentDefaults(long agentId) {
            return sql(() -> writer.agentDefaults(c, agentId));
        }

        @Override
        public void insertTrace(UUID id, long taskId, long agentId, String model, String provider, Instant startedAt) {
            sqlRun(() -> rollups.around(c, id, () -> writer.insertTrace(c, id, taskId, agentId, model, provider, startedAt)));
        }

        @Override
        public Map<Integer, String> existingHashes(UUID traceId, int from, int to) {
            return sql(() -> writer.existingHashes(c, traceId, created(traceId), from, to));
        }

        @Override
        public void insertSteps(UUID traceId, List<PricedStep> steps) {
            sqlRun(() -> writer.insertSteps(c, traceId, created(traceId), steps));
        }

        /** The trace's creation instant, from its lock when this transaction took one, else read once. */
        private OffsetDateTime created(UUID traceId) throws SQLException {
            OffsetDateTime created = createdAt.get(traceId);
            if (created == null) {
                created = writer.createdAt(c, traceId);
                createdAt.put(traceId, created);
            }
            return created;
        }

        @Override
        public void addTotals(UUID traceId, TraceTotals totals) {
            sqlRun(() -> rollups.around(c, traceId, () -> writer.addTotals(c, traceId, totals)));
        }

        @Override
        public void finish(UUID traceId, FinishTrace finish, long durationMs) {
            sql(() -> {
                writer.finish(c, traceId, finish, durationMs);
                return null;
            });
        }

        @Override
        public int maxSeq(UUID traceId) {
            return sql(() -> SpanRows.maxSeq(c, traceId));
        }

        @Override
        public Map<String, StoredSpan> storedSpans(UUID traceId, Collection<String> spanIds) {
            return sql(() -> SpanRows.storedSpans(c, traceId, spanIds));
        }

        @Override
        public TraceTotals spanTotals(UUID traceId, int firstSeq) {
            return sql(() -> SpanRows.spanTotals(c, traceId, firstSeq));
        }

        @Override
        public void deleteSpanSteps(UUID traceId, int firstSeq) {
            sqlRun(() -> SpanRows.deleteSpanSteps(c, traceId, firstSeq));
        }

        @Override
        public void linkWaitingChildren(UUID traceId, Map<String, Integer> seqBySpanId) {
            sqlRun(() -> SpanRows.linkWaitingChildren(c, traceId, seqBySpanId));
        }

        @Override
        public void applyRoot(UUID traceId, TraceRoot root) {
            sqlRun(() -> rollups.around(c, traceId, () -> SpanRows.applyRoot(c, traceId, root)));
        }

        @Override
        public void rebuildTotals(UUID traceId) {
            sqlRun(() -> rollups.around(c, traceId, () -> SpanRows.rebuildTotals(c, traceId)));
        }
    }
}
