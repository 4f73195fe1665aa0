package dev.agenttraces.traces.access.infrastructure;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FrameTokenLedgerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void aTokenIsGoodOnce() {
        FrameTokenLedger ledger = new FrameTokenLedger();
        assertThat(ledger.firstUse("a", NOW.plusSeconds(120), NOW)).isTrue();
        assertThat(ledger.firstUse("a", NOW.plusSeconds(120), NOW.plusSeconds(1))).isFalse();
        assertThat(ledger.firstUse("b", NOW.plusSeconds(120), NOW)).isTrue();
    }

    @Test
    void memoryIsBoundedAndExpiredEntriesMakeRoom() {
        FrameTokenLedger ledger = new FrameTokenLedger(3);
        for (String jti : new String[] {"a", "b", "c"}) {
            assertThat(ledger.firstUse(jti, NOW.plusSeconds(120), NOW)).isTrue();
        }
        assertThat(ledger.firstUse("d", NOW.plusSeconds(120), NOW)).as("full of live tokens: fail closed").isFalse();
        assertThat(ledger.firstUse("d", NOW.plusSeconds(300), NOW.plusSeconds(121))).as("expired ones dropped").isTrue();
        assertThat(ledger.size()).isEqualTo(1);
    }
}
