package dev.agenttraces.traces.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The rollups' unit of time: a UTC date. A period whose both ends are midnights UTC is a run of whole rollup days
 * and can be read from the rollups; any other period is read from the traces themselves.
 */
public final class UtcDays {

    private UtcDays() {
    }

    /** Whether both ends are midnights UTC, so the period is a run of whole rollup days. */
    public static boolean wholeDays(Instant from, Instant to) {
        return from.getEpochSecond() % 86_400 == 0 && from.getNano() == 0
                && to.getEpochSecond() % 86_400 == 0 && to.getNano() == 0;
    }

    /** The UTC date of an instant. */
    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
