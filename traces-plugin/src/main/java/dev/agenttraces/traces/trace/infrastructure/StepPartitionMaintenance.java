package dev.agenttraces.traces.trace.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pass of the upkeep of {@code trace_step}'s monthly partitions on PostgreSQL (V97, docs/SCALE.md, "Partitions"):
 * the partitions of this month and of {@code monthsAhead} months after it are created when missing, so no step ever
 * lands in the default partition; a partition of a past month that holds no step and whose month holds no trace any
 * more (retention removed them) is dropped, so lookups by trace, which cannot be pruned, visit only months that
 * still hold traces.
 *
 * <p>Each change is its own short transaction under a {@code lock_timeout}: creating or dropping a partition locks
 * the whole table for an instant, and a lock that would make ingest wait longer than that is given up, to be tried
 * at the next pass. Every server runs the passes; concurrent ones are harmless (the creation swallows "already
 * exists", the drop is {@code if exists}). A plain class on a connection, so a suite can run a pass itself.
 */
public final class StepPartitionMaintenance {

    /** What one pass did. */
    public record Pass(List<String> created, List<String> dropped, List<String> failed) {
    }

    private static final Pattern MONTHLY = Pattern.compile("trace_step_(\\d{4})_(\\d{2})");
    private static final String LOCK_TIMEOUT = "set local lock_timeout = '2s'";

    private StepPartitionMaintenance() {
    }

    /** The month a partition of this name holds, or empty for a name that is not a monthly partition's. */
    static Optional<YearMonth> month(String partition) {
        Matcher m = MONTHLY.matcher(partition);
        return m.matches() ? Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** The name of the partition that holds {@code month}, as V97's {@code trace_step_month_partition} names it. */
    static String name(YearMonth month) {
        return "trace_step_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
    }

    /** One pass at {@code now}, on a connection in auto-commit mode that it leaves so. */
    public static Pass run(Connection c, Instant now, int monthsAhead) throws SQLException {
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        List<String> created = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> existing = partitions(c);
        for (int ahead = 0; ahead <= monthsAhead; ahead++) {
            YearMonth month = current.plusMonths(ahead);
            if (!existing.contains(name(month))) {
                attempt(c, failed, name(month), () -> create(c, month), created);
            }
        }
        for (String partition : existing) {
            Optional<YearMonth> month = month(partition);
            if (month.isPresent() && month.get().isBefore(current) && unused(c, partition, month.get())) {
                attempt(c, failed, partition, () -> drop(c, partition), dropped);
            }
        }
        return new Pass(created, dropped, failed);
    }

    /** The partitions of {@code trace_step}, by name. */
    public static List<String> partitions(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select p.relname from pg_inherits i"
                + " join pg_class p on p.oid = i.inhrelid where i.inhparent = 'trace_step'::regclass order by 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Change {
        void apply() throws SQLException;
    }

    /** Applies one change in its own transaction; a change that fails (a lock not had in time) is reported, not thrown. */
    private static void attempt(Connection c, List<String> failed, String partition, Change change, List<String> done)
            throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(LOCK_TIMEOUT);
            change.apply();
            c.commit();
            done.add(partition);
        } catch (SQLException e) {
            c.rollback();
            failed.add(partition + ": " + e.getMessage());
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void create(Connection c, YearMonth month) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select trace_step_month_partition(?)")) {
            ps.setObject(1, month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            ps.execute();
        }
    }

    /** Whether the partition holds no step and no trace was created in its month (so none can add steps to it). */
    private static boolean unused(Connection c, String partition, YearMonth month) throws SQLException {
        OffsetDateTime from = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("select not exists (select 1 from " + partition + ")"
                + " and not exists (select 1 from trace where created_at >= ? and created_at < ?)")) {
            ps.setObject(1, from);
            ps.setObject(2, from.plusMonths(1));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void drop(Connection c, String partition) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("drop table if exists " + partition); // the name matched MONTHLY: digits and underscores only
        }
    }
}
