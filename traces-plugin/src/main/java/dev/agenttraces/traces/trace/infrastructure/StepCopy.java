package dev.agenttraces.traces.trace.infrastructure;

import dev.agenttraces.traces.shared.UtcInstants;
import dev.agenttraces.traces.trace.domain.PricedStep;
import dev.agenttraces.traces.trace.domain.StepInput;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A batch of step rows into PostgreSQL with {@code COPY trace_step … FROM STDIN (format csv)}, PgJDBC's
 * {@link org.postgresql.copy.CopyManager} on the pooled connection's own PostgreSQL connection. It writes exactly
 * the rows {@link StepInsert} would, in the caller's transaction, but the server parses one stream instead of
 * planning and executing a statement per hundred rows: the ingest benchmark measured COPY at 2.5-3 times the
 * multi-row insert (BENCHMARKS.md). Rows are streamed one at a time, so memory stays that of one row.
 *
 * <p>CSV needs no escaping beyond doubled quotes: NUL and lone surrogates, which no PostgreSQL text can hold,
 * are refused per item before anything is written, and backslashes are plain characters in CSV. An unquoted empty
 * field is NULL, a quoted one the empty string. Instants are written in UTC to the microsecond PostgreSQL keeps,
 * rounded half up as PgJDBC rounds a bound {@code OffsetDateTime}, so both paths store the same instant.
 */
public final class StepCopy {

    public static final String SQL = "copy trace_step (" + StepInsert.COLUMNS + ") from stdin (format csv)";

    private StepCopy() {
    }

    /** Whether this connection is PostgreSQL's (Payara's pooled wrapper unwraps to it). */
    public static boolean supports(Connection c) throws SQLException {
        return c.isWrapperFor(PGConnection.class);
    }

    public static void copy(Connection c, UUID traceId, OffsetDateTime traceCreatedAt, List<PricedStep> steps)
            throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
        try {
            String trace = traceId.toString();
            String created = createdAt(traceCreatedAt);
            StringBuilder rows = new StringBuilder(CHUNK + 4096);
            for (PricedStep priced : steps) {
                append(rows, trace, created, priced.step(), priced.model(), priced.cost(), priced.hash());
                if (rows.length() >= CHUNK) {
                    write(in, rows);
                }
            }
            write(in, rows);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** Rows are sent in chunks of about this many characters: a few writes per batch, not one per step. */
    private static final int CHUNK = 32 * 1024;

    private static void write(CopyIn in, StringBuilder rows) throws SQLException {
        if (!rows.isEmpty()) {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            rows.setLength(0);
        }
    }

    /** One CSV row of {@link StepInsert#COLUMNS}, ending in a newline. Public for the ingest benchmark's baseline. */
    public static void append(StringBuilder out, UUID traceId, OffsetDateTime traceCreatedAt, StepInput step,
                              String model, BigDecimal cost, String hash) {
        append(out, traceId.toString(), createdAt(traceCreatedAt), step, model, cost, hash);
    }

    /** The trace's creation instant as its steps' CSV field, written once per batch (the database's microseconds). */
    private static String createdAt(OffsetDateTime at) {
        return UtcInstants.append(new StringBuilder(32), at.toInstant()).toString();
    }

    private static void append(StringBuilder out, String traceId, String traceCreatedAt, StepInput step, String model,
                               BigDecimal cost, String hash) {
        out.append(traceId).append(',').append(step.seq()).append(',').append(step.type().name()).append(',');
        text(out, step.content()).append(',');
        text(out, step.toolName()).append(',');
        text(out, step.toolInput()).append(',');
        text(out, step.toolOutput()).append(',');
        text(out, model).append(',');
        out.append(step.tokens().input()).append(',').append(step.tokens().output()).append(',')
                .append(step.tokens().cachedInput()).append(',').append(step.tokens().reasoning()).append(',');
        if (cost != null) {
            out.append(cost.toPlainString());
        }
        out.append(',');
        instant(out, step.startedAt()).append(',');
        if (step.durationMs() != null) {
            out.append(step.durationMs());
        }
        out.append(',');
        text(out, hash).append(',').append(step.tokens().cacheCreation()).append(',');
        if (step.parentSeq() != null) {
            out.append(step.parentSeq());
        }
        out.append(',');
        text(out, step.spanId()).append(',');
        text(out, step.parentSpanId()).append(',');
        text(out, step.messages()).append(',').append(step.redactions()).append(',');
        text(out, step.toolCallId()).append(',').append(traceCreatedAt).append('\n');
    }

    /** Null stays an unquoted empty field (NULL); text is quoted, its quotes doubled (copied in runs, not by char). */
    private static StringBuilder text(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        int from = 0;
        for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', from)) {
            out.append(value, from, quote + 1).append('"'); // the run up to and with the quote, then its double
            from = quote + 1;
        }
        return out.append(value, from, value.length()).append('"');
    }

    private static StringBuilder instant(StringBuilder out, Instant at) {
        return at == null ? out : UtcInstants.append(out, at.plusNanos(500).truncatedTo(ChronoUnit.MICROS));
    }
}
