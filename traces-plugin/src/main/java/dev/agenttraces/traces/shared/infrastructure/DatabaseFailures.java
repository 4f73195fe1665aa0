package dev.agenttraces.traces.shared.infrastructure;

import dev.agenttraces.traces.shared.StoreUnavailable;

import java.sql.SQLException;

/**
 * Which failures mean "the database is away for now, try again" (a restart, a full pool, a deadlock), as
 * opposed to a bug: the one rule the write path, the API's problem mapping, the viewer filter and the error
 * pages share, so that each answers 503 with Retry-After for the same causes and 500 for no others.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Whether the database is away for now: a {@link StoreUnavailable}, or a transient cause ({@link #isTransient}). */
    public static boolean databaseAway(Throwable e) {
        return StoreUnavailable.in(e) || isTransient(e);
    }

    /**
     * Whether the exception says "try again later": no connection (SQLState class 08, or the pool could not
     * hand one out), a serialisation failure or deadlock (40001, 40P01), insufficient resources (class 53)
     * or an administrator shutdown (57P01–57P03). The JDBC transient and recoverable types count too.
     */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.isBlank()) {
                    String message = String.valueOf(sql.getMessage());
                    if (message.contains("allocating a connection") || message.contains("Connection refused")) {
                        return true;
                    }
                } else if (state.startsWith("08") || state.startsWith("53") || state.equals("40001")
                        || state.equals("40P01") || state.startsWith("57P0")) {
                    return true;
                }
            }
        }
        return false;
    }
}
