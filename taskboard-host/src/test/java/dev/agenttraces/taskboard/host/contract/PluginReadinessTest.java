package dev.agenttraces.taskboard.host.contract;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness stays DOWN until the plugins answered, so "ready" means both WARs serve (issue 11). */
class PluginReadinessTest {

    static final String URL = "http://localhost:8080/traces";

    private static PluginReadiness readiness() {
        PluginReadiness r = new PluginReadiness();
        r.graceSeconds = 120;
        return r;
    }

    private static List<PluginState> one(PluginState.Status status) {
        return List.of(new PluginState(URL, status, null, null, Instant.now()));
    }

    @Test
    void notReadyBeforeTheRegistryPublishedOrWhileAPluginIsPending() {
        PluginReadiness r = readiness();
        assertThat(r.isReady()).isFalse();
        r.publish(one(PluginState.Status.PENDING));
        assertThat(r.isReady()).isFalse();
    }

    @Test
    void aPluginNotDeployedYetKeepsTheHostUnreadyUntilTheGraceEnds() {
        PluginReadiness r = readiness();
        r.publish(one(PluginState.Status.UNREACHABLE));
        assertThat(r.isReady()).isFalse();
        assertThat(r.isReady(Instant.now().plusSeconds(121))).isTrue();
    }

    @Test
    void readyOnceEnabledAndStillReadyWhenItLaterGoesAwayOrIsDisabled() {
        PluginReadiness r = readiness();
        r.publish(one(PluginState.Status.ENABLED));
        assertThat(r.isReady()).isTrue();
        r.publish(one(PluginState.Status.UNREACHABLE));
        assertThat(r.isReady()).isTrue();
        PluginReadiness bad = readiness();
        bad.publish(one(PluginState.Status.DISABLED));
        assertThat(bad.isReady()).isTrue();
    }
}
