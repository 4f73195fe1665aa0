package dev.agenttraces.traces.access.domain;

import java.io.Serializable;
import java.util.Set;

/** The user a valid host token vouched for; kept in the HTTP session for the iframe's later requests. */
public record ViewerIdentity(String username, Set<String> roles) implements Serializable {

    public static final String ATTRIBUTE = ViewerIdentity.class.getName();

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }
}
