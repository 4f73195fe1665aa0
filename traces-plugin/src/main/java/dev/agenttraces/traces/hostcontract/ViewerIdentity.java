package dev.agenttraces.traces.hostcontract;

import java.io.Serializable;
import java.util.Set;

/** The user a valid host token vouched for; kept in the HTTP session for the iframe's later requests. */
public record ViewerIdentity(String username, Set<String> roles) implements Serializable {

    static final String ATTRIBUTE = ViewerIdentity.class.getName();

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }
}
