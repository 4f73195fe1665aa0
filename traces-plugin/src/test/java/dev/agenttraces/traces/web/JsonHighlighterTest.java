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

    /** Issue 9: 8,000 nested brackets took seconds and 300 MB; output must stay linear in the input. */
    @Test
    @org.junit.jupiter.api.Timeout(1)
    void aMebibyteOfNestedBracketsIsLinearAndFast() {
        String deep = "[".repeat(1 << 19) + "]".repeat(1 << 19);
        String html = JsonHighlighter.highlight(deep);
        assertThat(html.length()).isLessThanOrEqualTo(6 * deep.length());
        assertThat(html).isEqualTo(deep);
    }

    @Test
    @org.junit.jupiter.api.Timeout(1)
    void deepNestingUnderTheSizeCapFallsBackToPlainEscapedText() {
        String deep = "[".repeat(20_000) + "\"<b>\"" + "]".repeat(20_000);
        String html = JsonHighlighter.highlight(deep);
        assertThat(html).doesNotContain("<span").doesNotContain("<b>").contains("&lt;b&gt;");
        assertThat(html.length()).isLessThanOrEqualTo(6 * deep.length());
    }

    @Test
    void widestOutputAtTheDepthCapIsStillBoundedPerInputCharacter() {
        int depth = JsonHighlighter.MAX_DEPTH;
        StringBuilder json = new StringBuilder("[".repeat(depth));
        while (json.length() < JsonHighlighter.MAX_CHARS - depth - 2) {
            json.append("1,");
        }
        json.append('1').append("]".repeat(depth));
        String html = JsonHighlighter.highlight(json.toString());
        assertThat(html).contains("<span class=\"at-json-number\">1</span>");
        assertThat(html.length()).isLessThanOrEqualTo(64 * json.length());
    }
}
