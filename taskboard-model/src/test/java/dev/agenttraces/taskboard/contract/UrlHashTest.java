package dev.agenttraces.taskboard.contract;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class UrlHashTest {

    @Test
    void ignoresTheTokenParameterParameterOrderSchemeAndHost() {
        String a = UrlHash.of(URI.create("http://localhost:8080/traces/p.xhtml?task=1&x=2&at=abc"));
        String b = UrlHash.of("/traces/p.xhtml", "x=2&task=1");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void changesWithThePathOrAnyParameterValue() {
        String base = UrlHash.of("/traces/p.xhtml", "task=1");
        assertThat(UrlHash.of("/traces/p.xhtml", "task=2")).isNotEqualTo(base);
        assertThat(UrlHash.of("/traces/q.xhtml", "task=1")).isNotEqualTo(base);
        assertThat(UrlHash.of("/traces/p.xhtml", "task=1&extra=1")).isNotEqualTo(base);
    }

    @Test
    void decodesPercentEncodingSoBothSidesAgree() {
        assertThat(UrlHash.canonical("/traces/a%20b", "q=x%26y")).isEqualTo("/traces/a b?q=x&y");
    }
}
