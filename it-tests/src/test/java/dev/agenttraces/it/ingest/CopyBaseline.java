package dev.agenttraces.it.ingest;

import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.traces.trace.domain.StepInput;
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
 * per client: the fastest way into the table, without HTTP, JSON, validation or totals. The CSV is built before
 * the clock starts, as the API's bodies are.
 */
final class CopyBaseline {

    static final String COPY = "copy trace_step (trace_id, seq, type, content, tool_name, tool_input, tool_output, model,"
            + " input_tokens, output_tokens, cached_input_tokens, reasoning_tokens, started_at, duration_ms, content_hash)"
            + " from stdin (format csv)";

    private CopyBaseline() {
    }

    static double rate(int clients, int batches, int batch, long task, long agent) throws Exception {
        List<Callable<Integer>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            UUID trace = BenchmarkRuns.runningTrace(task, agent);
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
                        copy.copyIn(COPY, new StringReader(rows));
                        conn.commit();
                    }
                }
                return batches * batch;
            });
        }
        return BenchmarkRuns.timed(work, "COPY", "steps");
    }

    private static void row(StringBuilder out, UUID trace, StepInput s) {
        out.append(trace).append(',').append(s.seq()).append(',').append(s.type().name()).append(',');
        quoted(out, s.content()).append(',');
        quoted(out, s.toolName()).append(',');
        quoted(out, s.toolInput()).append(',');
        quoted(out, s.toolOutput()).append(',');
        quoted(out, s.model()).append(',');
        out.append(s.tokens().input()).append(',').append(s.tokens().output()).append(',')
                .append(s.tokens().cachedInput()).append(',').append(s.tokens().reasoning()).append(',')
                .append(s.startedAt()).append(',').append(s.durationMs() == null ? "" : s.durationMs()).append(',')
                .append(s.contentHash()).append('\n');
    }

    /** A CSV field: null stays an empty unquoted field (NULL), text is quoted with doubled quotes. */
    private static StringBuilder quoted(StringBuilder out, String text) {
        return text == null ? out : out.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}
