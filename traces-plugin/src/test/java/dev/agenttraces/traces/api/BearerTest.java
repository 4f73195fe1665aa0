package dev.agenttraces.traces.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTest {

    @Test
    void theSchemeIsCaseInsensitiveAndTheCredentialIsKeptAsSent() {
        assertThat(Bearer.token("Bearer at_abc")).isEqualTo("at_abc");
        assertThat(Bearer.token("bEARER at_abc ")).isEqualTo("at_abc ");
        assertThat(Bearer.token("Bearer ")).isEmpty();
    }

    @Test
    void noHeaderAnotherSchemeOrNoSpaceIsNoToken() {
        assertThat(Bearer.token(null)).isNull();
        assertThat(Bearer.token("Basic dXNlcjpwYXNz")).isNull();
        assertThat(Bearer.token("Bearer")).isNull();
        assertThat(Bearer.token("Bearerat_abc")).isNull();
    }
}
