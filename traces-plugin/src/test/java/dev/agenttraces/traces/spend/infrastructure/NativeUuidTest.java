package dev.agenttraces.traces.spend.infrastructure;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The top-tasks query's trace id, as PostgreSQL (UUID), H2 (16 bytes, bin/demo) or a text column give it. */
class NativeUuidTest {

    @Test
    void readsTheUuidWhateverTheDriverReturns() {
        UUID id = UUID.randomUUID();
        byte[] h2 = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
        assertThat(JpaSpendRepository.uuid(id)).isEqualTo(id);
        assertThat(JpaSpendRepository.uuid(h2)).isEqualTo(id);
        assertThat(JpaSpendRepository.uuid(id.toString())).isEqualTo(id);
    }
}
