package dev.agenttraces.traces.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Parses the one form nearly every client sends, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, without
 * {@link java.time.format.DateTimeFormatter}; any other text goes to {@link Instant#parse}, so the accepted language and
 * its errors are {@code Instant.parse}'s exactly.
 *
 * <p>Why: every ingested step carries a {@code startedAt}, and a JFR profile of a step batch (BENCHMARKS.md, "COPY on the
 * write path") spent about 16 % of the request in {@code Instant.parse}, whose formatter builds a parse context, a
 * field map and a resolver per call. The fast path reads the digits in place and lets {@link LocalDateTime#of} check
 * the ranges; where it would disagree with {@code Instant.parse} (leap second 60, hour 24, an invalid date) it gives
 * the text to {@code Instant.parse}. {@code UtcInstantsTest} compares both on every edge and on random instants.
 */
final class UtcInstants {

    private static final int MIN_LENGTH = "2026-01-01T00:00:00Z".length();
    private static final int MAX_LENGTH = "2026-01-01T00:00:00.123456789Z".length();

    private UtcInstants() {
    }

    /** The instant {@code text} names; a {@link java.time.format.DateTimeParseException} when it names none. */
    static Instant parse(String text) {
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
