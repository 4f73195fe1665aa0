package dev.agenttraces.traces.api;

import dev.agenttraces.traces.shared.Rejection;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one rule for an instant the read API takes as a query parameter (a period's {@code from} and {@code to}, a
 * budget period's {@code asOf}, the trace list's {@code from}): ISO-8601, blank means "not given", and only within
 * the years the database's timestamps hold. {@link Instant#parse} takes years up to ±1,000,000,000, which the
 * database refused with a 500 before this bound; here it is a 400 naming the parameter.
 */
public final class QueryInstant {

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private QueryInstant() {
    }

    /** The instant {@code value} names, or null when it is missing or blank; a 400 on {@code field} otherwise. */
    public static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid(field, field + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z.");
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw Rejection.invalid(field, field + " must lie between " + EARLIEST + " and " + LATEST + ".");
        }
        return at;
    }
}
