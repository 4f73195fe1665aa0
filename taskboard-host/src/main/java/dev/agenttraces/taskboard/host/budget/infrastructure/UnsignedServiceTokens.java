package dev.agenttraces.taskboard.host.budget.infrastructure;

import dev.agenttraces.taskboard.host.budget.application.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Stand-in until the contract's HostTokenIssuer is wired: sends no valid token, so a plugin that checks
 * tokens refuses and the budget guard fails safe (no dispatch to budgeted agents).
 */
@ApplicationScoped
public class UnsignedServiceTokens implements ServiceTokens {

    @Override
    public String issue(String subject, Set<String> roles, Map<String, String> context, URI url) {
        return "unsigned";
    }
}
