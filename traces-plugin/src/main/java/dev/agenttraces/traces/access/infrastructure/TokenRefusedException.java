package dev.agenttraces.traces.access.infrastructure;

/** A host token that must not be accepted, with the HTTP status to answer (401 or 403) and why. */
public class TokenRefusedException extends Exception {

    private final int status;

    public TokenRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
