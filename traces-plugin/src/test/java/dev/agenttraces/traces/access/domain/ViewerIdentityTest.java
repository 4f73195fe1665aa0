package dev.agenttraces.traces.access.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerIdentityTest {

    private static final Instant IAT = Instant.parse("2026-01-01T10:00:00Z");
    private final ViewerIdentity id = ViewerIdentity.user("ann", IAT, IAT.plusSeconds(120));

    @Test
    void endsWithItsToken() {
        assertThat(id.expiredAt(IAT.plusSeconds(119))).isFalse();
        assertThat(id.expiredAt(IAT.plusSeconds(120))).isTrue();
    }

    @Test
    void aLogoutAtOrAfterTheTokenWasIssuedEndsIt() {
        assertThat(id.issuedBefore(null)).isFalse();
        assertThat(id.issuedBefore(IAT.minusSeconds(1))).as("logged out before, then in again").isFalse();
        assertThat(id.issuedBefore(IAT)).isTrue();
        assertThat(id.issuedBefore(IAT.plusSeconds(30))).isTrue();
    }
}
