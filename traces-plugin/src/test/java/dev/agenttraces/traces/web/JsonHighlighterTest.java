package dev.agenttraces.traces.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonHighlighterTest {

    @Test
    void prettyPrintsAndWrapsTokens() {
        String html = JsonHighlighter.highlight("{\"a\":1,\"b\":[true,null],\"c\":{}}");
        assertThat(html).isEqualTo("{\n"
                + "  <span class=\"at-json-key\">&quot;a&quot;</span>: <span class=\"at-json-number\">1</span>,\n"
                + "  <span class=\"at-json-key\">&quot;b&quot;</span>: [\n"
                + "    <span class=\"at-json-bool\">true</span>,\n"
                + "    <span class=\"at-json-null\">null</span>\n"
                + "  ],\n"
                + "  <span class=\"at-json-key\">&quot;c&quot;</span>: {}\n"
                + "}");
    }

    @Test
    void hostileStringsComeOutEscaped() {
        String html = JsonHighlighter.highlight("{\"<img src=x onerror=alert(1)>\": \"</span><script>x()</script>\"}");
        assertThat(html).doesNotContain("<img").doesNotContain("<script").doesNotContain("</span><");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;").contains("&lt;/span&gt;&lt;script&gt;");
    }

    @Test
    void brokenJsonStillShowsEverythingEscaped() {
        String html = JsonHighlighter.highlight("not json <b>at all</b> {\"open\": \"unterminated");
        assertThat(html).doesNotContain("<b>").contains("&lt;b&gt;").contains("unterminated");
        assertThat(html.replaceAll("<[^>]+>", "")).contains("not").contains("json");
    }

    @Test
    void escapedQuotesStayInsideStrings() {
        String html = JsonHighlighter.highlight("{\"q\":\"say \\\"hi\\\", ok\"}");
        assertThat(html).contains("<span class=\"at-json-string\">&quot;say \\&quot;hi\\&quot;, ok&quot;</span>");
    }

    @Test
    void emptyInputIsEmpty() {
        assertThat(JsonHighlighter.highlight(null)).isEmpty();
        assertThat(JsonHighlighter.highlight("  ")).isEmpty();
    }
}
