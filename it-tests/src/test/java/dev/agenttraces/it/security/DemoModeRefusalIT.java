package dev.agenttraces.it.security;

import dev.agenttraces.it.ingest.IngestClient;
import dev.agenttraces.it.support.Fixtures;
import dev.agenttraces.it.support.TaskboardServer;
import dev.agenttraces.it.support.TestDatabase;
import dev.agenttraces.it.support.Users;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo mode publishes an admin password, so a host started in demo mode on a database that holds real
 * users must not come up: the log says why, and the host application is not deployed. The plugin's demo
 * ingest token is published too, so the plugin creates none on such a database (issue 9, finding 9c).
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
            TaskboardServer.stop(server);
        }
    }

    @Test
    void thePluginCreatesNoDemoIngestTokenOnADatabaseWithRealUsers() throws Exception {
        Users.create(Fixtures.unique("real-user").replace(' ', '-'), "real-password", "VIEWER");
        String published = "it-published-" + UUID.randomUUID();
        int port = PORT + 1;
        String base = "http://localhost:" + port;
        Path log = TaskboardServer.logFile(port);
        Process server = TaskboardServer.launch(port, base + "/traces", true,
                List.of("-Dagent.traces.demo-ingest-token=" + published));
        try {
            TaskboardServer.awaitReady(server, base, log, "\"ENABLED\"");
            assertThat(contains(log, "agent.traces.demo-ingest-token is ignored: the database holds non-demo data"))
                    .as("refusal in " + log).isTrue();
            HttpResponse<String> start = IngestClient.post(base + "/traces/api/v1", "/traces", published, "{}");
            assertThat(start.statusCode()).as("the published value is no token: " + start.body()).isEqualTo(401);
            try (Connection c = TestDatabase.connect();
                 PreparedStatement ps = c.prepareStatement("select count(*) from ingest_token where token_hash = ?")) {
                ps.setString(1, IngestClient.sha256(published));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("demo token rows with the published value").isZero();
                }
            }
        } finally {
            TaskboardServer.stop(server);
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
