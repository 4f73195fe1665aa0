package dev.agenttraces.traces.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PluginSecurityHeadersTest {

    @Test
    void onlyThePluginsOwnOriginMayFrameItByDefault() {
        assertThat(PluginSecurityHeaders.policy(null))
                .contains("default-src 'self'").contains("object-src 'none'").endsWith("frame-ancestors 'self'");
    }

    @Test
    void aConfiguredHostOriginMayFrameIt() {
        assertThat(PluginSecurityHeaders.policy("https://board.example:8443"))
                .endsWith("frame-ancestors 'self' https://board.example:8443");
    }

    @Test
    void aMalformedHostOriginCannotWidenThePolicy() {
        assertThat(PluginSecurityHeaders.policy("https://board.example; script-src *"))
                .endsWith("frame-ancestors 'self'").doesNotContain("script-src *");
        assertThat(PluginSecurityHeaders.policy("*")).endsWith("frame-ancestors 'self'");
    }
}
