package dev.agenttraces.traces.access.domain;

import dev.agenttraces.taskboard.contract.HostContract;

import java.io.Serializable;
import java.time.Instant;

/**
 * The user a valid host token vouched for; kept in the HTTP session for the iframe's later requests.
 * It names who, never what they may do: roles and membership are read from the shared tables on
 * every request. The one exception is the host's own service identity, which only a Bearer token on
 * the API can carry and which reads across boards (the host's budget guard).
 *
 * <p>It carries the token's {@code iat} and {@code exp}, so a session never outlives or outranks the
 * host's: past {@code expiresAt} the session needs a fresh host token, and an identity issued before the
 * user's last host logout is refused.
 */
public record ViewerIdentity(String username, boolean service, Instant issuedAt, Instant expiresAt)
        implements Serializable {

    public static final String ATTRIBUTE = ViewerIdentity.class.getName();

    public static ViewerIdentity user(String username, Instant issuedAt, Instant expiresAt) {
        return new ViewerIdentity(username, false, issuedAt, expiresAt);
    }

    public static ViewerIdentity hostService(Instant issuedAt, Instant expiresAt) {
        return new ViewerIdentity(HostContract.SERVICE_SUBJECT, true, issuedAt, expiresAt);
    }

    /** Whether the token this identity came from has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether the host vouched for this identity no later than the user's logout at {@code loggedOutAt}. */
    public boolean issuedBefore(Instant loggedOutAt) {
        return loggedOutAt != null && !issuedAt.isAfter(loggedOutAt);
    }

    public static boolean isServiceSubject(String subject) {
        return HostContract.SERVICE_SUBJECT.equals(subject);
    }
}
