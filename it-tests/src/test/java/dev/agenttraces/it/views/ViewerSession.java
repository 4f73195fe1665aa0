package dev.agenttraces.it.views;

import dev.agenttraces.it.support.HostTokens;
import dev.agenttraces.it.support.Users;

import java.util.Set;

/**
 * The URL a viewer opens: the plugin page signed by the host for that user, as the host's iframe
 * would load it. By default an admin (who sees every board; the user exists in the shared tables, where the plugin reads roles), so suites need no membership rows.
 */
final class ViewerSession {

    static final String ADMIN = "views-admin";

    private ViewerSession() {
    }

    static String url(String base, String path) {
        Users.ensure(ADMIN, "ADMIN");
        return HostTokens.signedUrl(base, ADMIN, Set.of("ADMIN"), path);
    }

    static String url(String base, String path, String username) {
        return HostTokens.signedUrl(base, username, Set.of("REVIEWER"), path);
    }
}
