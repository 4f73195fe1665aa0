package dev.agenttraces.taskboard.host.contract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The descriptor's URLs go into iframes and signed tokens: only http(s) and plain paths pass. */
class DescriptorUrlsTest {

    private final DescriptorParser parser = new DescriptorParser("1.0");

    private PluginDescriptor parse(String baseUrl, String url) throws InvalidDescriptorException {
        String xml = DescriptorParserTest.descriptor("[1.0,2.0)", "task-detail/panel/v1", url, "")
                .replace("<base-url>/traces/</base-url>", "<base-url>" + baseUrl + "</base-url>");
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/traces", "https://plugins.example/traces", "http://localhost:8080/traces/", "HTTPS://X.EXAMPLE"})
    void acceptsHttpHttpsAndHostPaths(String baseUrl) throws Exception {
        assertThat(parse(baseUrl, "/panel.xhtml").baseUrl()).doesNotEndWith("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(document.domain)", "JavaScript:alert(1)", "data:text/html,&lt;script&gt;",
            "vbscript:x", "file:///etc/passwd", "ftp://plugins.example/traces", "//evil.example/traces",
            "https://user:pw@plugins.example/traces", "https:///traces", "https://plugins.example/traces?x=1",
            "https://plugins.example/traces#x", "traces", "/\\evil.example", "java\tscript:alert(1)"})
    void refusesEverythingElseNamingTheField(String baseUrl) {
        assertThatThrownBy(() -> parse(baseUrl, "/panel.xhtml"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("base-url")
                .hasMessageContaining("absolute http(s) URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "//evil.example/x", "@evil.example/x", "panel.xhtml",
            "https://evil.example/x", "/\\evil.example"})
    void refusesExtensionUrlsThatLeaveTheBase(String url) {
        assertThatThrownBy(() -> parse("https://plugins.example/traces", url))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("Extension 'panel' has url");
    }
}
