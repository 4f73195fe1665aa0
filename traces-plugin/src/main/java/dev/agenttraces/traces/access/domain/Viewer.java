package dev.agenttraces.traces.access.domain;

/**
 * Who is looking, as the host vouched for them in its signed token. Roles and board membership are
 * read by the plugin itself from the shared tables on every request, never trusted from the token or
 * a session, so a role or membership the host revokes takes effect on the next request.
 */
public interface Viewer {

    /** The signed-in user, or null when no identity the host vouched for came with the request. */
    String username();

    boolean isAdmin();

    /** The boards this viewer may see: every board for an admin, none without a viewer. */
    BoardScope scope();
}
