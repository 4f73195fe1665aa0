package dev.agenttraces.taskboard.host.security.headers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSecurityPolicyTest {

    @Test
    void framesOnlyTheHostAndThePluginOrigins() {
        String csp = ContentSecurityPolicy.forHost(List.of("https://plugins.example:8443"));
        assertThat(csp).contains("default-src 'self'")
                .contains("frame-src 'self' https://plugins.example:8443;")
                .contains("frame-ancestors 'self'")
                .contains("object-src 'none'")
                .contains("form-action 'self'");
    }

    @Test
    void originsAreHttpOrHttpsOnly() {
        assertThat(ContentSecurityPolicy.originOf("https://Plugins.Example:8443/traces/")).contains("https://plugins.example:8443");
        assertThat(ContentSecurityPolicy.originOf("http://localhost/traces")).contains("http://localhost");
        assertThat(ContentSecurityPolicy.originOf("/traces")).isEmpty();
        assertThat(ContentSecurityPolicy.originOf("javascript:alert(1)")).isEmpty();
        assertThat(ContentSecurityPolicy.originOf("https://x.example; script-src *")).isEmpty();
    }
}
