package dev.agenttraces.traces.api;

import dev.agenttraces.traces.shared.Rejection;
import dev.agenttraces.traces.shared.UtcInstants;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one rule for an instant the JSON API takes, in an ingest body ({@code startedAt}, {@code completedAt}) or as a
 * read's query parameter (a period's {@code from} and {@code to}, a budget period's {@code asOf}, the trace list's
 * {@code from}): ISO-8601, and only within the years the database's timestamps hold.
 * {@link Instant#parse} takes years up to ±1,000,000,000, but PostgreSQL's timestamptz ends in year 294276: such an
 * insert failed a whole ingest batch, and such a read was a 500. Here it is a 400 naming the field. A query parameter
 * left blank is not given ({@link #ofQuery}); a body field sent as a blank string is refused ({@link #of}).
 */
public final class ApiInstant {

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private ApiInstant() {
    }

    /** The instant a query parameter names, or null when it is missing or blank; else a 400 on {@code field}. */
    public static Instant ofQuery(String field, String value) {
        return value == null || value.isBlank() ? null : of(field, value);
    }

    /** The instant {@code value} names, or null when it is missing; a 400 on {@code field} for any other text. */
    public static Instant of(String field, String value) {
        if (value == null) {
            return null;
        }
        Instant at;
        try {
            at = UtcInstants.parse(value);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid(field, field + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z.");
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw Rejection.invalid(field, field + " must lie between " + EARLIEST + " and " + LATEST + ".");
        }
        return at;
    }
}
