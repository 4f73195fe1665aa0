package dev.agenttraces.it.security;

import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo mode publishes an admin password, so a host started in demo mode on a database that holds real
 * users must not come up: the log says why, and the host application is not deployed.
 */
class DemoModeRefusalIT {

    private static final int PORT = Integer.getInteger("it.server.port", 18180) + 7;
    private static final String REFUSAL = "refuses to run on a database with non-demo data";

    @Test
    void demoModeRefusesADatabaseWithRealUsers() throws Exception {
        Users.create(Fixtures.unique("real-user").replace(' ', '-'), "real-password", "VIEWER");
        Path log = TaskboardServer.logFile(PORT);
        Process server = TaskboardServer.launch(PORT, "http://localhost:" + PORT + "/traces", false,
                List.of("-Dtaskboard.demo-data.enabled=true"));
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
            while (Instant.now().isBefore(deadline) && server.isAlive() && !contains(log, REFUSAL)
                    && !contains(log, "Payara Micro URLs")) {
                Thread.sleep(1000);
            }
            assertThat(contains(log, REFUSAL)).as("refusal in " + log).isTrue();
            assertThat(contains(log, "Demo data seeded")).isFalse();
        } finally {
            server.destroy();
            if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.exists(file) && Files.readString(file, StandardCharsets.ISO_8859_1).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
