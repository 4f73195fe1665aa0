package dev.agenttraces.it.scale;

import dev.agenttraces.it.support.SpendRollupSums;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.traces.insight.domain.InsightSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Generates the scale data set in PostgreSQL: {@code agents} agents on 10 boards, one task per 50 traces, traces
 * spread evenly over the last {@code days} days, each with {@code stepsPerTrace} steps whose tokens and cost are
 * fixed per trace, so the traces' totals are exactly the sums of their steps without summing 20M rows. Then the
 * spend rollups are rebuilt from the steps (what the ingest transaction would have kept). Adds traces up to
 * {@code traces} (so the 10k run and the big run share one database: generate 10k, measure, grow, measure).
 *
 * <p>Run it alone: {@code mvn -B -q -pl it-tests -am test-compile} then
 * {@code java -cp it-tests/target/test-classes:$(cat cp.txt) -Dit.db.url=… dev.agenttraces.it.scale.ScaleData
 * 1000000 20} (traces, steps per trace), or through {@code ScaleBenchmarkIT}, which calls it.
 */
public final class ScaleData {

    static final int AGENTS = 200;
    static final int DAYS = 90;
    static final int BOARDS = 10;
    static final int TRACES_PER_TASK = 50;
    static final String AGENT_PREFIX = "scale-agent-";

    private ScaleData() {
    }

    public static void main(String[] args) throws SQLException {
        grow(Integer.parseInt(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 20);
    }

    /** Scale traces stored so far. */
    static long traces(Connection c) throws SQLException {
        return single(c, "select count(*) from trace t join agent a on a.id = t.agent_id where a.name like '" + AGENT_PREFIX + "%'");
    }

    /** Adds generated traces until there are {@code target}; returns the seconds it took. */
    static double grow(long target, int stepsPerTrace) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            if (single(c, "select count(*) from agent where name like '" + AGENT_PREFIX + "%'") == 0) {
                s.execute("insert into board (name) select 'Scale board ' || g from generate_series(1, " + BOARDS + ") g");
                s.execute("insert into agent (name, model, provider, monthly_budget_usd, budget_reset_day)"
                        + " select '" + AGENT_PREFIX + "' || g, 'claude-sonnet-4-5', 'anthropic', 5000, 1 + g % 28"
                        + " from generate_series(1, " + AGENTS + ") g");
            }
            long have = traces(c);
            if (have >= target) {
                return 0;
            }
            long a0 = single(c, "select min(id) from agent where name like '" + AGENT_PREFIX + "%'");
            long b0 = single(c, "select min(id) from board where name like 'Scale board %'");
            long tasks = (target - have + TRACES_PER_TASK - 1) / TRACES_PER_TASK;
            long t1 = single(c, "select coalesce(max(id), 0) + 1 from task");
            s.execute("insert into task (board_id, title, status, assignee_agent_id)"
                    + " select " + b0 + " + g % " + BOARDS + ", 'Scale task ' || g, 'DONE', " + a0 + " + g % " + AGENTS
                    + " from generate_series(0, " + (tasks - 1) + ") g");
            long firstTask = single(c, "select min(id) from task where id >= " + t1);
            // trace g of the new ones: task g / 50; start spread over the period, newest last; 1 in 20 failed.
            // Per step: 1000·m input, 200·m output tokens, $0.006·m (m = 1 + g mod 7), the list price of
            // claude-sonnet-4-5 (3 and 15 per MTok).
            String traceSql = "insert into trace (id, task_id, agent_id, status, model, provider, started_at, completed_at,"
                    + " duration_ms, step_count, input_tokens, output_tokens, cost_usd, received_at, created_at)"
                    + " select cast(md5('scale' || ? || '-' || g) as uuid), tk.id, tk.assignee_agent_id,"
                    + " case when g % 20 = 0 then 'FAILED' else 'COMPLETED' end, 'claude-sonnet-4-5', 'anthropic', t_at, t_at + interval '40 seconds',"
                    + " 40000, ?, ? * 1000 * (1 + g % 7), ? * 200 * (1 + g % 7), ? * 0.006 * (1 + g % 7), t_at, t_at"
                    + " from (select g, current_timestamp - interval '" + DAYS + " days' * (1 - cast(g as float8) / ?) t_at"
                    + " from generate_series(0, ? - 1) g) x join task tk on tk.id = ? + x.g / " + TRACES_PER_TASK;
            long count = target - have;
            try (PreparedStatement ps = c.prepareStatement(traceSql)) {
                ps.setLong(1, have);
                for (int i = 2; i <= 5; i++) {
                    ps.setInt(i, stepsPerTrace);
                }
                ps.setLong(6, count);
                ps.setLong(7, count);
                ps.setLong(8, firstTask);
                ps.executeUpdate();
            }
            // The traces were created over the period, so their steps belong to its months' partitions (V97).
            s.execute("select trace_step_month_partition(d) from generate_series(current_timestamp - interval '"
                    + DAYS + " days', current_timestamp, interval '1 day') d");
            TestDatabase.update(c, "insert into trace_step (trace_id, seq, type, content, model,"
                    + " input_tokens, output_tokens, cost_usd, started_at, duration_ms, content_hash, trace_created_at)"
                    + " select t.id, s, case when s % 2 = 0 then 'TOOL_CALL' else 'REASONING' end,"
                    + " 'generated step ' || s, 'claude-sonnet-4-5', 1000 * m, 200 * m, 0.006 * m, t.started_at, 2000,"
                    + " md5(t.id::text || s), t.created_at"
                    + " from (select t.id, t.started_at, t.created_at, cast(t.input_tokens / (1000 * t.step_count) as int) m"
                    + " from trace t where t.task_id >= ?) t cross join generate_series(1, ?) s", firstTask, stepsPerTrace);
            // Each trace's insight row, as the flag job would leave it with the default settings (so the server's
            // backfill finds nothing stale and stays idle during the benchmark); 1 in 10 traces looped once, its
            // waste a quarter of its cost. The rollups below then carry that waste, as the insight writer keeps them.
            TestDatabase.update(c, "insert into trace_insight (trace_id, settings_fingerprint, step_count, last_seq,"
                    + " loop_count, loop_cost_usd, waste_cost_usd, computed_at)"
                    + " select t.id, ?, t.step_count, t.step_count, case when g % 10 = 0 then 1 else 0 end,"
                    + " case when g % 10 = 0 then t.cost_usd / 4 else 0 end, case when g % 10 = 0 then t.cost_usd / 4 else 0 end,"
                    + " current_timestamp from (select t.*, row_number() over (order by t.id) g from trace t"
                    + " where t.task_id >= ?) t", InsightSettings.defaults().fingerprint(), firstTask);
            SpendRollupSums.rebuild(c);
            s.execute("analyze");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** One trace of {@code steps} generated steps on a task of its own (the long-trace page benchmark). */
    static UUID longTrace(long taskId, long agentId, int steps) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = TestDatabase.connect()) {
            TestDatabase.update(c, "insert into trace (id, task_id, agent_id, status, model, provider, started_at,"
                            + " step_count, input_tokens, output_tokens, cost_usd)"
                            + " values (?, ?, ?, 'COMPLETED', 'claude-sonnet-4-5', 'anthropic', current_timestamp, ?, ?, ?, ?)",
                    id, taskId, agentId, steps, 1000L * steps, 200L * steps,
                    new java.math.BigDecimal("0.006").multiply(java.math.BigDecimal.valueOf(steps)));
            TestDatabase.update(c, "insert into trace_step (trace_id, seq, type, content, model,"
                    + " input_tokens, output_tokens, cost_usd, started_at, duration_ms, content_hash, trace_created_at)"
                    + " select ?, s, case when s % 2 = 0 then 'TOOL_CALL' else 'REASONING' end, 'generated step ' || s || ' '"
                    + " || repeat('lorem ipsum ', 20), 'claude-sonnet-4-5', 1000, 200, 0.006, current_timestamp, 2000, md5(s::text),"
                    + " (select created_at from trace where id = ?) from generate_series(1, ?) s", id, id, steps);
        }
        SpendRollupSums.rebuild();
        return id;
    }

    static long single(Connection c, String sql) throws SQLException {
        return TestDatabase.single(c, sql);
    }
}
