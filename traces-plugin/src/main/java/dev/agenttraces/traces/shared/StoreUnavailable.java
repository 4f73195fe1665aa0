package dev.agenttraces.traces.shared;

import java.sql.SQLException;

/**
 * The database cannot be reached or is refusing work for now (no connection, a restart, a deadlock): nothing of
 * the request was stored, and the same request may succeed when retried. The API answers it 503 with
 * Retry-After, the pages with the plugin's own "try again" view, never a 500.
 */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether this or a cause of it is a {@link StoreUnavailable}. */
    public static boolean in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailable) {
                return true;
            }
        }
        return false;
    }

    /** Whether the database is away for now: a {@link StoreUnavailable}, or a transient cause ({@link #isTransient}). */
    public static boolean databaseAway(Throwable e) {
        return in(e) || isTransient(e);
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
