package dev.agenttraces.traces.retention.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Which traces a retention period removes. A board's own period wins over the global one; 0 days keeps the
 * traces forever (the global default). A period of N days keeps today and the N whole UTC days before it: the
 * traces that started before 00:00 UTC of the day N days ago are removed, so whole rollup days (UTC dates, see
 * the spend rollups) leave the window at once.
 */
public final class RetentionRule {

    /** The longest period a board may set: a hundred years. */
    public static final int MAX_DAYS = 36_500;

    private RetentionRule() {
    }

    /** The days in force for a board: its own when it has a setting, else the global ones; 0 = keep forever. */
    public static int effectiveDays(Integer boardDays, int globalDays) {
        int days = boardDays != null ? boardDays : globalDays;
        return Math.max(0, Math.min(MAX_DAYS, days));
    }

    /** The instant before which a board's traces are removed; empty when they are kept forever. */
    public static Optional<Instant> cutoff(Integer boardDays, int globalDays, Instant now) {
        int days = effectiveDays(boardDays, globalDays);
        if (days == 0) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return Optional.of(today.minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Whether a board setting is acceptable: null (use the global period) or 0 to {@link #MAX_DAYS}. */
    public static boolean isValid(Integer boardDays) {
        return boardDays == null || (boardDays >= 0 && boardDays <= MAX_DAYS);
    }
}
