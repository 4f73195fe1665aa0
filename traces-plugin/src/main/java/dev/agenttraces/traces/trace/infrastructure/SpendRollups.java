package dev.agenttraces.traces.trace.infrastructure;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps the spend rollups ({@code spend_agent_day}, {@code spend_agent_received_day}, {@code spend_task_day},
 * migration V70) equal to the sums of the traces' totals, which are the sums of their steps, and
 * {@code spend_agent_day.waste_usd} (V96) equal to the sum of the traces' insight waste. Whatever changes a
 * trace's totals, start day, receive day or insight waste runs {@link Pending#around}: the trace's contribution is read before
 * and after the change (under the trace's row lock), and the difference is queued.
 *
 * <p>{@link Pending#flush} applies the queued differences just before commit, merged per rollup row and in one
 * global key order. So a transaction takes every trace lock it needs before any rollup lock, and rollup locks in
 * the same order as every other transaction: no lock cycle between two ingests, an OTLP export of several traces
 * and a recompute chunk, and rollup rows are locked only for the commit itself.
 */
public final class SpendRollups {

    private SpendRollups() {
    }

    /** A change of a trace's totals, run between the two reads. */
    @FunctionalInterface
    public interface Change {
        void run() throws SQLException;
    }

    /** What one trace adds to the rollups. */
    record Share(long agent, long task, long board, LocalDate started, LocalDate received, BigDecimal cost,
                 long steps, BigDecimal tokens, long unpriced, BigDecimal waste) {
    }

    private static final String SHARE = "select t.agent_id, t.task_id, k.board_id,"
            + " cast(t.started_at at time zone 'UTC' as date), cast(t.received_at at time zone 'UTC' as date),"
            + " t.cost_usd, t.step_count, cast(t.input_tokens as numeric(30, 0)) + t.cached_input_tokens"
            + " + t.cache_creation_tokens + t.output_tokens + t.reasoning_tokens, t.unpriced_steps,"
            + " coalesce((select i.waste_cost_usd from trace_insight i where i.trace_id = t.id), 0)"
            + " from trace t join task k on k.id = t.task_id where t.id = ?";

    static Share share(Connection c, UUID traceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SHARE)) {
            ps.setObject(1, traceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Share(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8),
                        rs.getLong(9), rs.getBigDecimal(10));
            }
        }
    }

    /** A rollup row's key, ordered (table, first id, day, second id) so every transaction locks rows alike. */
    private record Key(int table, long id, LocalDate day, long board) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(table, o.table);
            c = c != 0 ? c : Long.compare(id, o.id);
            c = c != 0 ? c : day.compareTo(o.day);
            return c != 0 ? c : Long.compare(board, o.board);
        }
    }

    /** A pending difference of one rollup row. */
    private static final class Delta {
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal tokens = BigDecimal.ZERO;
        BigDecimal waste = BigDecimal.ZERO;
        long traces;
        long steps;
        long unpriced;

        void add(Share s, int sign) {
            BigDecimal k = BigDecimal.valueOf(sign);
            cost = cost.add(s.cost().multiply(k));
            tokens = tokens.add(s.tokens().multiply(k));
            waste = waste.add(s.waste().multiply(k));
            traces += sign;
            steps += sign * s.steps();
            unpriced += sign * s.unpriced();
        }

        boolean isZero() {
            return cost.signum() == 0 && tokens.signum() == 0 && waste.signum() == 0 && traces == 0 && steps == 0
                    && unpriced == 0;
        }
    }

    private static final int AGENT_DAY = 0;
    private static final int AGENT_RECEIVED_DAY = 1;
    private static final int TASK_DAY = 2;

    private static final List<Upsert> UPSERTS = List.of(
            new Upsert("spend_agent_day", List.of("agent_id", "spend_day", "board_id"), List.of("cost_usd", "traces", "unpriced_steps", "waste_usd")),
            new Upsert("spend_agent_received_day", List.of("agent_id", "spend_day", "board_id"), List.of("cost_usd", "traces", "unpriced_steps")),
            new Upsert("spend_task_day", List.of("task_id", "spend_day", "board_id"), List.of("cost_usd", "traces", "unpriced_steps", "steps", "tokens")));

    /** The differences queued by one transaction; not thread-safe (one per transaction). */
    public static final class Pending {

        private final Map<Key, Delta> deltas = new TreeMap<>();

        /** Runs a change of the trace's totals and queues what it changed in the rollups. */
        public void around(Connection c, UUID traceId, Change change) throws SQLException {
            Share before = share(c, traceId);
            change.run();
            Share after = share(c, traceId);
            if (before != null) {
                add(before, -1);
            }
            if (after != null) {
                add(after, 1);
            }
        }

        private void add(Share s, int sign) {
            delta(new Key(AGENT_DAY, s.agent(), s.started(), s.board())).add(s, sign);
            delta(new Key(AGENT_RECEIVED_DAY, s.agent(), s.received(), s.board())).add(s, sign);
            delta(new Key(TASK_DAY, s.task(), s.started(), s.board())).add(s, sign);
        }

        private Delta delta(Key key) {
            return deltas.computeIfAbsent(key, k -> new Delta());
        }

        /** Applies the queued differences, in key order; call last in the transaction. */
        public void flush(Connection c) throws SQLException {
            deltas.values().removeIf(Delta::isZero);
            if (deltas.isEmpty()) {
                return;
            }
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            for (int table = 0; table < UPSERTS.size(); table++) {
                Upsert upsert = UPSERTS.get(table);
                try (PreparedStatement ps = c.prepareStatement(postgres ? upsert.postgres() : upsert.merge())) {
                    boolean any = false;
                    for (Map.Entry<Key, Delta> e : deltas.entrySet()) {
                        if (e.getKey().table() == table) {
                            bind(ps, e.getKey(), e.getValue(), table);
                            ps.addBatch();
                            any = true;
                        }
                    }
                    if (any) {
                        ps.executeBatch();
                    }
                }
            }
            deltas.clear();
        }

        private static void bind(PreparedStatement ps, Key key, Delta d, int table) throws SQLException {
            ps.setLong(1, key.id());
            ps.setDate(2, Date.valueOf(key.day()));
            ps.setLong(3, key.board());
            ps.setBigDecimal(4, d.cost);
            ps.setLong(5, d.traces);
            ps.setLong(6, d.unpriced);
            if (table == TASK_DAY) {
                ps.setLong(7, d.steps);
                ps.setBigDecimal(8, d.tokens);
            } else if (table == AGENT_DAY) {
                ps.setBigDecimal(7, d.waste);
            }
        }
    }

    /** Adds to a rollup row, creating it: INSERT … ON CONFLICT in PostgreSQL, standard MERGE in H2. */
    private record Upsert(String table, List<String> keys, List<String> values) {

        private List<String> columns() {
            return java.util.stream.Stream.concat(keys.stream(), values.stream()).toList();
        }

        private String additions(String source) {
            return String.join(", ", values.stream().map(v -> v + " = r." + v + " + " + source + "." + v).toList());
        }

        String postgres() {
            String cols = String.join(", ", columns());
            String marks = String.join(", ", columns().stream().map(x -> "?").toList());
            // the task table's key is (task_id, day): its board is a column, the same for all rows of a task
            String conflict = table.equals("spend_task_day") ? "task_id, spend_day" : String.join(", ", keys);
            return "insert into " + table + " as r (" + cols + ") values (" + marks + ") on conflict (" + conflict
                    + ") do update set " + additions("excluded");
        }

        String merge() {
            String cols = String.join(", ", columns());
            String casts = String.join(", ", columns().stream().map(Upsert::cast).toList());
            String on = String.join(" and ", (table.equals("spend_task_day") ? List.of("task_id", "spend_day") : keys)
                    .stream().map(k -> "r." + k + " = x." + k).toList());
            String xs = String.join(", ", columns().stream().map(x -> "x." + x).toList());
            return "merge into " + table + " r using (values (" + casts + ")) as x(" + cols + ") on " + on
                    + " when matched then update set " + additions("x") + " when not matched then insert (" + cols
                    + ") values (" + xs + ")";
        }

        private static String cast(String column) {
            return switch (column) {
                case "spend_day" -> "cast(? as date)";
                case "cost_usd", "waste_usd" -> "cast(? as numeric(38, 12))"; // V81, V96
                case "tokens" -> "cast(? as numeric(30, 0))";
                default -> "cast(? as bigint)";
            };
        }
    }
}
