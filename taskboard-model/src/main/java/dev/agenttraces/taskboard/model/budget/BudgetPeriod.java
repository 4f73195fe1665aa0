package dev.agenttraces.taskboard.model.budget;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One budget period of an agent: from the most recent reset day at 00:00 UTC (inclusive) to the next
 * one (exclusive). Reset days run 1–28 so that every month has one; periods are computed in UTC so the
 * host and the plugin, which sums spend over {@code [from, to)}, always agree on the boundaries.
 */
public record BudgetPeriod(Instant from, Instant to) implements Serializable {

    public BudgetPeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a budget period must end after it starts");
        }
    }

    /** The period that contains {@code now} for an agent whose budget resets on {@code resetDay}. */
    public static BudgetPeriod containing(Instant now, int resetDay) {
        if (resetDay < 1 || resetDay > 28) {
            throw new IllegalArgumentException("budget reset day must be 1–28, was " + resetDay);
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate start = today.withDayOfMonth(resetDay);
        if (start.isAfter(today)) {
            start = start.minusMonths(1);
        }
        return new BudgetPeriod(start.atStartOfDay().toInstant(ZoneOffset.UTC),
                start.plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
