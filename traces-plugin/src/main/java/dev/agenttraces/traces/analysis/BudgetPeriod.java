package dev.agenttraces.traces.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The budget period an instant falls in: it starts on the agent's reset day (1–28, so every month
 * has it) at 00:00 UTC and lasts until the same day of the next month.
 */
public record BudgetPeriod(Instant start, Instant end) {

    public static BudgetPeriod containing(Instant now, int resetDay) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate start = today.withDayOfMonth(resetDay);
        if (start.isAfter(today)) {
            start = start.minusMonths(1);
        }
        return new BudgetPeriod(start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                start.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
