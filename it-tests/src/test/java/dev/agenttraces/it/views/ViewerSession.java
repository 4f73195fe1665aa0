package dev.agenttraces.it.views;

/**
 * Builds the URL a signed-in viewer would open. Placeholder until the host-signed token lands in
 * it-tests support (HostTokens): then the URL carries {@code at=<token>}.
 */
final class ViewerSession {

    private ViewerSession() {
    }

    static String url(String base, String path) {
        return base + path;
    }
}
