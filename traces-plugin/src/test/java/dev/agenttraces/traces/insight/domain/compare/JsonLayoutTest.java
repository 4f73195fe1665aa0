package dev.agenttraces.traces.insight.domain.compare;

import dev.agenttraces.traces.insight.domain.CanonicalJson;
import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/** The compare page's layout of tool arguments: one member a line, and never far longer than the diff reads. */
class JsonLayoutTest {

    @Test
    void laysOutOneMemberALineInCanonicalOrder() {
        assertThat(JsonLayout.indent("{\"b\":[1, 2],\"a\":{}}")).isEqualTo("{\n  \"a\": {},\n  \"b\": [\n    1,\n    2\n  ]\n}");
        assertThat(JsonLayout.indent("not   json")).isEqualTo("not json");
        assertThat(JsonLayout.indent(null)).isEmpty();
    }

    /**
     * A mebibyte of arrays nested to the canonical parser's depth limit: each bracket would get its own line
     * indented up to 126 spaces (about 65 times the input before the cap); now the layout stops one character
     * past what {@link TextDiff} compares, so the diff still says the side was cut.
     */
    @Test
    void aMebibyteOfDeepArraysIsLaidOutOnlyAsFarAsTheDiffReads() {
        int depth = CanonicalJson.MAX_DEPTH - 1;
        String element = "[".repeat(depth) + "1" + "]".repeat(depth);
        int copies = (1 << 20) / (element.length() + 1);
        String json = "[" + String.join(",", Collections.nCopies(copies, element)) + "]";
        assertThat(json.length()).isGreaterThan(1_000_000);
        assertThat(CanonicalJson.isJson(json)).as("within the parser's depth, so it is laid out").isTrue();

        String laidOut = JsonLayout.indent(json);

        assertThat(laidOut).hasSize(JsonLayout.LIMIT).startsWith("[\n  [\n    [\n");
        assertThat(TextDiff.of(laidOut, JsonLayout.indent(json.replace('1', '2'))).truncated()).isTrue();
    }

    @Test
    void textThatIsNotJsonIsCutAtTheSameLimit() {
        assertThat(JsonLayout.indent("word ".repeat(100_000))).hasSize(JsonLayout.LIMIT);
    }
}
