package dev.agenttraces.traces.ingest.infrastructure;

import dev.agenttraces.taskboard.model.demo.DemoDataRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Issue 9, finding 9c: the published demo ingest token is never created in a database with real users. */
class DemoIngestTokenTest {

    @Test
    void aDatabaseWithRealUsersGetsNoDemoToken() {
        assertThat(DemoIngestToken.allowed("demo-ingest-token", true, () -> new DemoDataRule(1, 3, 2))).isNull();
        assertThat(DemoIngestToken.allowed("demo-ingest-token", true, () -> new DemoDataRule(0, 0, 4)))
                .as("boards without demo users").isNull();
    }

    @Test
    void aDemoDatabaseKeepsTheConfiguredToken() {
        assertThat(DemoIngestToken.allowed("demo-ingest-token", true, () -> new DemoDataRule(0, 3, 2))).isEqualTo("demo-ingest-token");
        assertThat(DemoIngestToken.allowed("demo-ingest-token", true, () -> new DemoDataRule(0, 0, 0))).isEqualTo("demo-ingest-token");
    }

    @Test
    void unsetNeedsNoLookAndTheHarnessSwitchSkipsTheCheck() {
        assertThat(DemoIngestToken.allowed(null, true, () -> fail("no token, no look at the database"))).isNull();
        assertThat(DemoIngestToken.allowed("t", false, () -> fail("the check is off"))).isEqualTo("t");
    }
}
