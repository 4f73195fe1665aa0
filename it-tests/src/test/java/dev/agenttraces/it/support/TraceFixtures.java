package dev.agenttraces.it.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Traces and steps written straight into the trace store (schema V1__trace_store.sql), for the view
 * suites. After every write the trace's totals are recomputed from its steps in the same statement
 * batch, exactly as ingest keeps them, so a screen that reads totals agrees with its timeline; the spend
 * rollups are rebuilt after each write ({@link SpendRollupSums}).
 */
public final class TraceFixtures {

    private TraceFixtures() {
    }

    /** A step to insert; null fields stay null. Cost null means "unpriced". */
    public record Step(String type, String content, String toolName, String toolInput, String toolOutput,
                       long inputTokens, long outputTokens, BigDecimal costUsd, long durationMs) {

        public static Step reasoning(String text, long in, long out, String usd) {
            return new Step("REASONING", text, null, null, null, in, out, usd == null ? null : new BigDecimal(usd), 800);
        }

        public static Step toolCall(String tool, String json) {
            return new Step("TOOL_CALL", null, tool, json, null, 0, 0, BigDecimal.ZERO, 5);
        }

        public static Step toolResult(String tool, String output) {
            return new Step("TOOL_RESULT", null, tool, null, output, 0, 0, BigDecimal.ZERO, 120);
        }

        public static Step error(String message) {
            return new Step("ERROR", message, null, null, null, 0, 0, BigDecimal.ZERO, 1);
        }

        public static Step llmCall(String reply, long in, long out, String usd) {
            return new Step("LLM_CALL", reply, null, null, null, in, out, usd == null ? null : new BigDecimal(usd), 900);
        }

        public static Step agent(String name) {
            return new Step("AGENT", name, null, null, null, 0, 0, BigDecimal.ZERO, 3000);
        }

        public static Step system(String text) {
            return new Step("SYSTEM", text, null, null, null, 0, 0, BigDecimal.ZERO, 0);
        }
    }

    public static UUID trace(long taskId, long agentId, String status, String model, Instant startedAt) {
        UUID id = UUID.randomUUID();
        boolean finished = !"RUNNING".equals(status);
        // A fixture trace was received live, when it started: budgets count it then (trace.received_at).
        update("insert into trace (id, task_id, agent_id, status, model, provider, started_at, received_at,"
                        + " completed_at, duration_ms) values (?, ?, ?, ?, ?, 'anthropic', ?, ?, ?, ?)",
                id, taskId, agentId, status, model, Timestamp.from(startedAt), Timestamp.from(startedAt),
                finished ? Timestamp.from(startedAt.plusSeconds(42)) : null, finished ? 42_000L : null);
        SpendRollupSums.rebuild();
        return id;
    }

    /** Appends steps after the trace's last one and brings its totals up to date. */
    public static void steps(UUID trace, Step... steps) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement next = c.prepareStatement("select coalesce(max(seq), 0) from trace_step where trace_id = ?");
             PreparedStatement ps = c.prepareStatement("insert into trace_step (trace_id, seq, type, content, tool_name,"
                     + " tool_input, tool_output, model, input_tokens, output_tokens, cost_usd, started_at, duration_ms,"
                     + " content_hash, trace_created_at) values (?, ?, ?, ?, ?, ?, ?, 'claude-sonnet-4-5', ?, ?, ?, ?, ?, ?,"
                     + " (select created_at from trace where id = ?))")) {
            next.setObject(1, trace);
            int seq;
            try (var rs = next.executeQuery()) {
                rs.next();
                seq = rs.getInt(1);
            }
            for (Step s : steps) {
                seq++;
                Object[] values = {trace, seq, s.type(), s.content(), s.toolName(), s.toolInput(), s.toolOutput(),
                        s.inputTokens(), s.outputTokens(), s.costUsd(), Timestamp.from(Instant.now()), s.durationMs(),
                        UUID.randomUUID().toString().replace("-", ""), trace};
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
            recalculate(c, trace);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hangs a stored step under another and, for an LLM call, gives it its conversation (JSON). */
    public static void place(UUID trace, int seq, Integer parentSeq, String messages) {
        update("update trace_step set parent_seq = ?, messages = ? where trace_id = ? and seq = ?",
                parentSeq, messages, trace, seq);
    }

    /**
     * An LLM call's conversation as {@link #place} stores it: a JSON array of a system, a user and an assistant
     * message (double quotes in the texts escaped; anything else, markup included, left as it is).
     */
    public static String conversation(String system, String user, String assistant) {
        return "[" + message("system", system) + "," + message("user", user) + "," + message("assistant", assistant) + "]";
    }

    private static String message(String role, String content) {
        return "{\"role\":\"" + role + "\",\"content\":\"" + content.replace("\"", "\\\"") + "\"}";
    }

    /** Gives a stored step cache reads and cache writes (the fourth and fifth counts) and brings the totals up to date. */
    public static void cacheTokens(UUID trace, int seq, long cacheReads, long cacheWrites) {
        try (Connection c = TestDatabase.connect()) {
            TestDatabase.update(c, "update trace_step set cached_input_tokens = ?, cache_creation_tokens = ?"
                    + " where trace_id = ? and seq = ?", cacheReads, cacheWrites, trace, seq);
            recalculate(c, trace);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives a stored tool call the id the model gave it (V95's tool_call_id). */
    public static void toolCallId(UUID trace, int seq, String id) {
        update("update trace_step set tool_call_id = ? where trace_id = ? and seq = ?", id, trace, seq);
    }

    /** Puts a stored step on the trace's time axis: its start and duration (the timing view's input). */
    public static void time(UUID trace, int seq, Instant startedAt, long durationMs) {
        update("update trace_step set started_at = ?, duration_ms = ? where trace_id = ? and seq = ?",
                Timestamp.from(startedAt), durationMs, trace, seq);
    }

    /**
     * Many generated steps in one statement (PostgreSQL's generate_series): every 10th a tool call, every
     * 10th+1 a tool result, every 250th an error, the rest reasoning; each priced at $0.0001 × (seq mod 7).
     */
    public static void bulkSteps(UUID trace, int count) {
        try (Connection c = TestDatabase.connect()) {
            TestDatabase.update(c, "insert into trace_step (trace_id, seq, type, content, tool_name,"
                     + " tool_input, tool_output, input_tokens, output_tokens, cost_usd, started_at, duration_ms, content_hash,"
                     + " trace_created_at)"
                     + " select ?, g, case when g % 250 = 0 then 'ERROR' when g % 10 = 0 then 'TOOL_CALL'"
                     + " when g % 10 = 1 then 'TOOL_RESULT' else 'REASONING' end,"
                     + " 'Step ' || g || ': thinking about the next move in some detail, ' || repeat('lorem ipsum ', 20),"
                     + " case when g % 10 in (0, 1) then 'read_file' end,"
                     + " case when g % 10 = 0 then '{\"path\": \"src/File' || g || '.java\"}' end,"
                     + " case when g % 10 = 1 then repeat('line of output ' || g || E'\\n', 50) end,"
                     + " 100 + g % 50, 20 + g % 30, 0.0001 * (g % 7), current_timestamp, 10 + g % 900, md5(g::text),"
                     + " (select created_at from trace where id = ?) from generate_series(1, ?) g", trace, trace, count);
            recalculate(c, trace);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reviewer's annotation on a stored step (label one of the V61 check's, e.g. GOOD). */
    public static void annotation(UUID trace, int seq, String label, String note) {
        update("insert into step_annotation (trace_id, seq, label, note, author, created_at)"
                + " values (?, ?, ?, ?, 'fixture-reviewer', current_timestamp)", trace, seq, label, note);
    }

    public static void finish(UUID trace, String status) {
        update("update trace set status = ?, completed_at = current_timestamp, duration_ms = 42000 where id = ?", status, trace);
    }

    private static void recalculate(Connection c, UUID trace) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update trace set"
                + " step_count = (select count(*) from trace_step s where s.trace_id = trace.id),"
                + " error_count = (select count(*) from trace_step s where s.trace_id = trace.id and s.type = 'ERROR'),"
                + " input_tokens = (select coalesce(sum(input_tokens), 0) from trace_step s where s.trace_id = trace.id),"
                + " output_tokens = (select coalesce(sum(output_tokens), 0) from trace_step s where s.trace_id = trace.id),"
                + " cached_input_tokens = (select coalesce(sum(cached_input_tokens), 0) from trace_step s where s.trace_id = trace.id),"
                + " reasoning_tokens = (select coalesce(sum(reasoning_tokens), 0) from trace_step s where s.trace_id = trace.id),"
                + " cache_creation_tokens = (select coalesce(sum(cache_creation_tokens), 0) from trace_step s where s.trace_id = trace.id),"
                + " cost_usd = (select coalesce(sum(cost_usd), 0) from trace_step s where s.trace_id = trace.id),"
                + " unpriced_steps = (select count(*) from trace_step s where s.trace_id = trace.id and s.cost_usd is null)"
                + " where id = ?")) {
            ps.setObject(1, trace);
            ps.executeUpdate();
        }
        SpendRollupSums.rebuild(c); // the rollups follow, as the ingest transaction keeps them
    }

    private static void update(String sql, Object... params) {
        TestDatabase.update(sql, params);
    }
}
