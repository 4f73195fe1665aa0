package dev.agenttraces.traces.access.domain;

/**
 * Port: the {@link Viewer} an identity the host vouched for is now, its admin role and board membership read
 * from the shared tables (never from the identity). A page request has its own viewer; this is for what runs
 * outside one, such as the live panel socket's handshake.
 */
public interface Viewers {

    /** The viewer of {@code identity} (no one when it is null); roles are read at most once per viewer. */
    Viewer of(ViewerIdentity identity);
}
