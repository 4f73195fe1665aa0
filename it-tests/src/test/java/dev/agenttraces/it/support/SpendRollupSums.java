package dev.agenttraces.it.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The spend rollups (plugin migrations V70, V96) as sums of the steps and of the traces' insight waste. Fixtures that write traces straight into the
 * store call {@link #rebuild} so the widget and the budget read what they wrote, as ingest would have kept it;
 * {@link #mismatches} lists every rollup row that differs from the sums of the steps (empty when exact).
 */
public final class SpendRollupSums {

    private SpendRollupSums() {
    }

    private static final String DAY_OF_START = "cast(t.started_at at time zone 'UTC' as date)";
    private static final String DAY_OF_RECEIPT = "cast(t.received_at at time zone 'UTC' as date)";
    private static final String TOKENS = "cast(t.input_tokens as numeric(30, 0)) + t.cached_input_tokens"
            + " + t.cache_creation_tokens + t.output_tokens + t.reasoning_tokens";

    /** Rollup sums straight from the steps (cost and unpriced), one row per rollup key. */
    private static String agentSums(String day) {
        return agentSums(day, "1 = 1");
    }

    /** The day-of-start table also sums the traces' insight waste (V96); the day-of-receipt one does not. */
    private static String agentSums(String day, String where) {
        String waste = day.equals(DAY_OF_START) ? ", coalesce(sum(i.waste_cost_usd), 0) as waste_usd" : "";
        return "select t.agent_id, " + day + " as spend_day, k.board_id, coalesce(sum(s.cost), 0) as cost_usd,"
                + " count(*) as traces, coalesce(sum(s.unpriced), 0) as unpriced_steps" + waste
                + " from trace t join task k on k.id = t.task_id left join (select trace_id, sum(cost_usd) cost,"
                + " count(*) - count(cost_usd) unpriced from trace_step group by trace_id) s on s.trace_id = t.id"
                + " left join trace_insight i on i.trace_id = t.id"
                + " where " + where + " group by t.agent_id, " + day + ", k.board_id";
    }

    private static final String TASK_SUMS = taskSums("1 = 1");

    private static String taskSums(String where) {
        return "select t.task_id, " + DAY_OF_START + " as spend_day, k.board_id,"
            + " coalesce(sum(s.cost), 0) as cost_usd, count(*) as traces, coalesce(sum(s.unpriced), 0) as unpriced_steps,"
            + " coalesce(sum(s.steps), 0) as steps, sum(" + TOKENS + ") as tokens"
            + " from trace t join task k on k.id = t.task_id left join (select trace_id, sum(cost_usd) cost,"
            + " count(*) - count(cost_usd) unpriced, count(*) steps from trace_step group by trace_id) s on s.trace_id = t.id"
            + " where " + where + " group by t.task_id, " + DAY_OF_START + ", k.board_id";
    }

    /** Replaces every rollup row with the sums of the traces' steps, in one transaction. */
    public static void rebuild(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("delete from spend_agent_day");
            s.execute("delete from spend_agent_received_day");
            s.execute("delete from spend_task_day");
            String agentCols = " (agent_id, spend_day, board_id, cost_usd, traces, unpriced_steps) ";
            s.execute("insert into spend_agent_day (agent_id, spend_day, board_id, cost_usd, traces, unpriced_steps,"
                    + " waste_usd) " + agentSums(DAY_OF_START));
            s.execute("insert into spend_agent_received_day" + agentCols + agentSums(DAY_OF_RECEIPT));
            s.execute("insert into spend_task_day (task_id, spend_day, board_id, cost_usd, traces, unpriced_steps, steps, tokens) "
                    + TASK_SUMS);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    public static void rebuild() {
        try (Connection c = TestDatabase.connect()) {
            rebuild(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot rebuild the spend rollups", e);
        }
    }

    /**
     * Rollup rows that differ from the sums of the steps, in either direction (a missing row, an extra non-zero
     * row, a different sum); rows that sum to zero traces count as absent. Only the rows of these agents (and of
     * the tasks they ran), so other suites' fixtures in the same database do not count.
     */
    public static List<String> mismatches(Connection c, long... agents) throws SQLException {
        String ids = String.join(", ", java.util.Arrays.stream(agents).mapToObj(Long::toString).toList());
        String byAgent = "agent_id in (" + ids + ")";
        String byTask = "task_id in (select task_id from trace where " + byAgent + ")";
        List<String> out = new ArrayList<>();
        String agentKeys = "agent_id, spend_day, board_id";
        String agentValues = "cost_usd, traces, unpriced_steps";
        diff(c, "spend_agent_day", agentSums(DAY_OF_START, "t." + byAgent), byAgent, agentKeys,
                agentValues + ", waste_usd", out);
        diff(c, "spend_agent_received_day", agentSums(DAY_OF_RECEIPT, "t." + byAgent), byAgent, agentKeys, agentValues, out);
        diff(c, "spend_task_day", taskSums("t." + byTask), byTask, "task_id, spend_day, board_id", agentValues + ", steps, tokens", out);
        return out;
    }

    private static void diff(Connection c, String table, String sums, String where, String keys, String values,
                             List<String> out) throws SQLException {
        String stored = "select " + keys + ", " + values + " from " + table + " where traces <> 0 and " + where;
        String query = "(select '" + table + " has' as side, * from (" + stored + ") a except select '" + table
                + " has', * from (" + sums + ") b) union all (select 'steps sum to' as side, * from (" + sums
                + ") b except select 'steps sum to', * from (" + stored + ") a)";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i == 1 ? "" : " ").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
    }
}
