package dev.agenttraces.traces.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads and writes instants in the UTC text form of {@link Instant#toString}, on the ingest hot path.
 *
 * <p><b>Parsing.</b> Parses the one form nearly every client sends, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, without
 * {@link java.time.format.DateTimeFormatter}; any other text goes to {@link Instant#parse}, so the accepted language and
 * its errors are {@code Instant.parse}'s exactly.
 *
 * <p>Why: every ingested step carries a {@code startedAt}, and a JFR profile of a step batch (BENCHMARKS.md, "COPY on the
 * write path") spent about 16 % of the request in {@code Instant.parse}, whose formatter builds a parse context, a
 * field map and a resolver per call. The fast path reads the digits in place and lets {@link LocalDateTime#of} check
 * the ranges; where it would disagree with {@code Instant.parse} (leap second 60, hour 24, an invalid date) it gives
 * the text to {@code Instant.parse}. {@code UtcInstantsTest} compares both on every edge and on random instants.
 *
 * <p><b>Writing.</b> {@link #append} writes exactly what {@code Instant.toString} writes (the fraction in groups of
 * three digits, none when zero) for the years 0 to 9999, and defers to it for any other. Every stored step's
 * content hash and its COPY row carry its start as this text, and {@code Instant.toString} builds a print context per
 * call; the hash must never change for a step already stored, which the test checks against {@code toString}.
 */
public final class UtcInstants {

    private static final int MIN_LENGTH = "2026-01-01T00:00:00Z".length();
    private static final int MAX_LENGTH = "2026-01-01T00:00:00.123456789Z".length();
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years {@code Instant.toString} writes as four digits. */
    private static final long MIN_FAST_SECOND = -62_167_219_200L;
    private static final long MAX_FAST_SECOND = 253_402_300_799L;

    private UtcInstants() {
    }

    /** The instant {@code text} names; a {@link java.time.format.DateTimeParseException} when it names none. */
    public static Instant parse(String text) {
        Instant fast = fast(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** The instant of a {@code ...Z} text in the common form, or null to leave it to {@code Instant.parse}. */
    static Instant fast(String t) {
        int n = t.length();
        if (n < MIN_LENGTH || n > MAX_LENGTH || n == MIN_LENGTH + 1 || t.charAt(n - 1) != 'Z'
                || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int nano = 0;
        if (n > MIN_LENGTH) {
            if (t.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(t, 20, n - 21);
            if (fraction < 0) {
                return null;
            }
            nano = fraction;
            for (int i = n - 21; i < 9; i++) {
                nano *= 10;
            }
        }
        if ((year | month | day | hour | minute | second) < 0 || second > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Appends {@code at} as {@link Instant#toString} would; returns {@code out}. */
    public static StringBuilder append(StringBuilder out, Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds < MIN_FAST_SECOND || seconds > MAX_FAST_SECOND) {
            return out.append(at);
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2);
        int nano = at.getNano();
        if (nano != 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                pad(out, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                pad(out, nano / 1000, 6);
            } else {
                pad(out, nano, 9);
            }
        }
        return out.append('Z');
    }

    /** {@code at} as {@link Instant#toString} writes it. */
    public static String format(Instant at) {
        return append(new StringBuilder(30), at).toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        int digits = 1;
        for (int rest = value; rest >= 10; rest /= 10) {
            digits++;
        }
        for (; digits < width; digits++) {
            out.append('0');
        }
        return out.append(value);
    }

    /** The value of {@code count} ASCII digits from {@code from}, or -1 when one of them is not a digit. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
