package dev.agenttraces.taskboard.host.budget.application;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Mints the bearer token the host sends with server-side calls to a plugin. Mirrors the contract's
 * HostTokenIssuer so the spend client does not change when the real issuer is wired in.
 */
public interface ServiceTokens {

    String issue(String subject, Set<String> roles, Map<String, String> context, URI url);
}
