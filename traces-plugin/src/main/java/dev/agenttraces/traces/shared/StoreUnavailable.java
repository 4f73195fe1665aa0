package dev.agenttraces.traces.shared;

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
}
