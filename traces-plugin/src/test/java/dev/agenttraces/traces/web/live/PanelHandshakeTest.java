package dev.agenttraces.traces.web.live;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser sends the frame's cookie with a handshake any site starts: only the panel's own origin is let in. */
class PanelHandshakeTest {

    @Test
    void thePanelsOwnOriginIsLetIn() {
        assertThat(PanelHandshake.sameOrigin(Map.of("Origin", List.of("http://localhost:8080"), "Host", List.of("localhost:8080")))).isTrue();
        assertThat(PanelHandshake.sameOrigin(Map.of("origin", List.of("https://Board.example"), "host", List.of("board.example")))).isTrue();
    }

    @Test
    void anotherOriginIsRefused() {
        assertThat(PanelHandshake.sameOrigin(Map.of("Origin", List.of("https://evil.example"), "Host", List.of("board.example")))).isFalse();
        assertThat(PanelHandshake.sameOrigin(Map.of("Origin", List.of("http://localhost:9090"), "Host", List.of("localhost:8080")))).isFalse();
        assertThat(PanelHandshake.sameOrigin(Map.of("Origin", List.of("null"), "Host", List.of("board.example")))).isFalse();
        assertThat(PanelHandshake.sameOrigin(Map.of("Origin", List.of("https://board.example")))).as("no Host").isFalse();
    }

    @Test
    void aClientThatIsNoBrowserSendsNoOrigin() {
        assertThat(PanelHandshake.sameOrigin(Map.of("Host", List.of("board.example")))).isTrue();
    }
}
