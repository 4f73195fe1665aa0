package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.traces.trace.domain.StepInput;
import dev.agenttraces.traces.trace.infrastructure.StepCopy;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The ingest benchmark's second baseline: the same rows as the API and the raw JDBC baseline, loaded with
 * PostgreSQL's {@code COPY … FROM STDIN} through PgJDBC's {@link CopyManager}, one COPY and one commit per batch
 * per client, with the rows the API's own {@link StepCopy} writes (every column, as the raw JDBC baseline binds them):
 * the fastest way into the table, without HTTP, JSON, validation or totals. The CSV is built before
 * the clock starts, as the API's bodies are.
 */
final class CopyBaseline {

    private CopyBaseline() {
    }

    static double rate(int clients, int batches, int batch, long task, long agent) throws Exception {
        List<Callable<Integer>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            BenchmarkRuns.BaselineTrace trace = BenchmarkRuns.runningTrace(task, agent);
            List<String> csv = new ArrayList<>(batches);
            for (int b = 0; b < batches; b++) {
                StringBuilder rows = new StringBuilder(batch * 300);
                for (int i = 0; i < batch; i++) {
                    row(rows, trace, JsonApiRound.stepInput(b * batch + i));
                }
                csv.add(rows.toString());
            }
            work.add(() -> {
                try (Connection conn = TestDatabase.connect()) {
                    conn.setAutoCommit(false);
                    CopyManager copy = conn.unwrap(PGConnection.class).getCopyAPI();
                    for (String rows : csv) {
                        copy.copyIn(StepCopy.SQL, new StringReader(rows));
                        conn.commit();
                    }
                }
                return batches * batch;
            });
        }
        return BenchmarkRuns.timed(work, "COPY", "steps");
    }

    private static void row(StringBuilder out, BenchmarkRuns.BaselineTrace trace, StepInput s) {
        StepCopy.append(out, trace.id(), trace.createdAt(), s, s.model(), null, s.contentHash());
    }
}
