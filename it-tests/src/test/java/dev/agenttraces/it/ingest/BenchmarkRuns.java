package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the ingest benchmarks share: running the clients of one round side by side and reporting their rate, and
 * the bare trace row that the database baselines (JDBC batches, COPY) write their steps under.
 */
final class BenchmarkRuns {

    private BenchmarkRuns() {
    }

    /** Runs every client at once; each returns how many items it sent. Prints and returns items per second. */
    static double timed(List<Callable<Integer>> clients, String label, String unit) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        long start = System.nanoTime();
        int n = 0;
        for (Future<Integer> f : pool.invokeAll(clients)) {
            n += f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        double rate = n / seconds;
        System.out.printf(Locale.ROOT, "%s: %d %s in %.2f s = %.0f %s/s%n", label, n, unit, seconds, rate, unit);
        return rate;
    }

    /** A running trace written straight into the database, for the baselines that bypass the API. */
    /** A running trace for a baseline's rows, and its creation instant, which its steps carry (V97). */
    record BaselineTrace(UUID id, OffsetDateTime createdAt) {
    }

    static BaselineTrace runningTrace(long task, long agent) throws SQLException {
        UUID trace = UUID.randomUUID();
        try (Connection conn = TestDatabase.connect(); PreparedStatement ps = conn.prepareStatement(
                "insert into trace (id, task_id, agent_id, status, started_at) values (?, ?, ?, 'RUNNING', current_timestamp)"
                        + " returning created_at")) {
            ps.setObject(1, trace);
            ps.setLong(2, task);
            ps.setLong(3, agent);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new BaselineTrace(trace, rs.getObject(1, OffsetDateTime.class));
            }
        }
    }
}
