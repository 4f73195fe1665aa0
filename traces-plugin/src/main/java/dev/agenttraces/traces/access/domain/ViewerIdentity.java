package dev.agenttraces.traces.access.domain;

import dev.agenttraces.taskboard.contract.HostContract;

import java.io.Serializable;

/**
 * The user a valid host token vouched for; kept in the HTTP session for the iframe's later requests.
 * It names who, never what they may do: roles and membership are read from the shared tables on
 * every request. The one exception is the host's own service identity, which only a Bearer token on
 * the API can carry and which reads across boards (the host's budget guard).
 */
public record ViewerIdentity(String username, boolean service) implements Serializable {

    public static final String ATTRIBUTE = ViewerIdentity.class.getName();

    public static ViewerIdentity user(String username) {
        return new ViewerIdentity(username, false);
    }

    public static ViewerIdentity hostService() {
        return new ViewerIdentity(HostContract.SERVICE_SUBJECT, true);
    }

    public static boolean isServiceSubject(String subject) {
        return HostContract.SERVICE_SUBJECT.equals(subject);
    }
}
