package dev.agenttraces.traces.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationTest {

    @Test
    void rendersMarkdownWithRawHtmlEscapedAndUnsafeLinksAndImagesRemoved() {
        String html = Conversation.markdown("**bold** <script>alert(1)</script> [x](javascript:alert(1))"
                + " ![tracker](https://evil.test/p.png)");
        assertThat(html).contains("<strong>bold</strong>", "&lt;script&gt;", "tracker")
                .doesNotContain("<script", "javascript:", "<img");
    }

    @Test
    void readsTheStoredConversation() {
        var lines = new Conversation().lines("[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"assistant\",\"content\":\"`code`\"}]");
        assertThat(lines).extracting(Conversation.Line::role).containsExactly("system", "assistant");
        assertThat(lines.get(1).html()).contains("<code>code</code>");
        assertThat(lines.get(1).text()).isEqualTo("`code`");
        assertThat(new Conversation().lines("not json")).isEmpty();
        assertThat(new Conversation().lines(null)).isEmpty();
    }
}
